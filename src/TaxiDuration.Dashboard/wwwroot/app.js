// The operations dashboard: polls the service's own JSON (GET /model, /dashboard/api/*) and redraws. No framework:
// a few tables and uPlot charts. Times are shown in the viewer's time zone, numbers in the viewer's locale.
"use strict";

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const share = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const when = iso => (iso ? new Date(iso).toLocaleString() : "—");
const rateHistory = new Map(); // variant → [[unix seconds], [requests/s]]
const minimumPlottedTrips = 100;
const charts = {};

async function json(path) {
  const response = await fetch(path, { cache: "no-store", headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function fill(tableId, emptyId, rows, toCells) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...rows.map(row => {
    const tr = document.createElement("tr");
    tr.append(...toCells(row));
    return tr;
  }));
  document.getElementById(tableId).hidden = rows.length === 0;
  document.getElementById(emptyId).hidden = rows.length !== 0;
}

function showServed(status) {
  fill("served", "served-empty", status.variants, variant => [
    cell(variant.name), cell(variant.model_version, "version"), cell(share.format(variant.weight), "number"),
    cell(variant.trainer), cell(variant.scorer), cell(when(variant.loaded_at)),
  ]);
  const unserved = Object.entries(status.unserved || {});
  document.getElementById("shadow").textContent = status.shadow
    ? `Shadow: ${status.shadow.name} ${status.shadow.model_version} scores a sample of requests off the response path (never answers).`
    : unserved.length > 0
      ? unserved.map(([name, why]) => `No ${name}: ${why}`).join(" ")
      : "No challenger configured.";
  const error = document.getElementById("reload-error");
  error.hidden = !status.last_reload_error;
  if (status.last_reload_error) {
    const failure = status.last_reload_error;
    error.textContent = `Last refused version: ${failure.version} (${failure.variant}) at ${when(failure.at)}: ${failure.reason}`;
  }
}

function bars(counts) {
  const box = document.createElement("div");
  box.className = "bars";
  const most = Math.max(1, ...counts);
  counts.forEach((count, bin) => {
    const bar = document.createElement("span");
    bar.style.height = `${Math.max(1, Math.round((count / most) * 100))}%`;
    bar.title = `${bin * 5}${bin === counts.length - 1 ? "+" : `–${bin * 5 + 5}`} min: ${whole.format(count)} rides`;
    box.append(bar);
  });
  const td = document.createElement("td");
  td.append(box);
  return td;
}

function showTraffic(traffic) {
  document.getElementById("window-seconds").textContent = traffic.window_seconds;
  fill("traffic", "traffic-empty", traffic.variants, variant => [
    cell(variant.variant), cell(variant.model_version, "version"), cell(number.format(variant.requests_per_second), "number"),
    cell(whole.format(variant.rides), "number"),
    cell(variant.latency_p50_ms == null ? "—" : `${number.format(variant.latency_p50_ms)} ms`, "number"),
    cell(variant.latency_p99_ms == null ? "—" : `${number.format(variant.latency_p99_ms)} ms`, "number"),
    bars(variant.predicted_minutes_bins),
  ]);
  const now = Date.now() / 1000;
  const rates = new Map();
  for (const variant of traffic.variants) {
    rates.set(variant.variant, (rates.get(variant.variant) || 0) + variant.requests_per_second);
  }
  for (const name of new Set([...rateHistory.keys(), ...rates.keys()])) {
    const series = rateHistory.get(name) || [[], []];
    series[0].push(now);
    series[1].push(rates.get(name) || 0);
    if (series[0].length > 300) {
      series[0].shift();
      series[1].shift();
    }
    rateHistory.set(name, series);
  }
  drawRates();
}

function drawRates() {
  const names = [...rateHistory.keys()].sort();
  if (names.length === 0 || typeof uPlot === "undefined") {
    return;
  }
  const times = rateHistory.get(names[0])[0];
  const data = [times, ...names.map(name => alignTo(times, rateHistory.get(name)))];
  const key = names.join(",");
  if (!charts.rate || charts.rateKey !== key) {
    charts.rate?.destroy();
    charts.rateKey = key;
    charts.rate = new uPlot({
      title: "requests/s per variant (one-minute average), last 5 minutes", width: chartWidth("rate-chart"), height: 180,
      scales: { x: { time: true, range: (_, min, max) => [max - 300, max] } },
      series: [{}, ...names.map((name, i) => ({ label: name, stroke: palette(i), width: 2 }))],
      axes: [{}, { label: "req/s" }],
    }, data, document.getElementById("rate-chart"));
  } else {
    charts.rate.setData(data);
  }
}

// A variant that appeared later has fewer points: pad its start so every series has the first one's times.
function alignTo(times, series) {
  const missing = times.length - series[1].length;
  return missing > 0 ? [...new Array(missing).fill(null), ...series[1]] : series[1].slice(-times.length);
}

function showHistory(history) {
  fill("aliases", "aliases-empty", history.aliases, move => [
    cell(when(move.at)), cell(move.alias), cell(`${move.from_version ?? "—"} → ${move.to_version ?? "—"}`), cell(move.actor), cell(move.reason),
  ]);
  fill("decisions", "decisions-empty", history.decisions, decision => [
    cell(when(decision.at)), cell(`v${decision.candidate_version}`), cell(decision.champion_version == null ? "none (first model)" : `v${decision.champion_version}`),
    cell(decision.window), cell(decision.verdict, `verdict-${decision.verdict.split(" ")[0]}`), cell(decision.reason), cell(decision.actor),
  ]);
}

function showAccuracy(accuracy) {
  document.getElementById("labels-directory").textContent = accuracy.labels_directory;
  const days = accuracy.days;
  const newestFirst = [...days].sort((a, b) => b.day.localeCompare(a.day) || a.variant.localeCompare(b.variant));
  fill("accuracy", "accuracy-empty", newestFirst, day => [
    cell(day.day), cell(day.variant), cell(day.model_version, "version"), cell(whole.format(day.trips), "number"),
    cell(number.format(day.rmse), "number"), cell(number.format(day.mae), "number"), cell(number.format(day.bias), "number"),
  ]);
  document.getElementById("accuracy-chart").hidden = days.length === 0;
  if (days.length === 0 || typeof uPlot === "undefined") {
    return;
  }
  // As level 3's monitor report: a day with a handful of labelled trips (a pickup dated outside the month) is noise.
  const plotted = days.filter(day => day.trips >= minimumPlottedTrips);
  const dates = [...new Set(plotted.map(day => day.day))].sort();
  const series = [...new Set(plotted.map(day => `${day.variant} ${day.model_version}`))].sort();
  const rmse = new Map(plotted.map(day => [`${day.variant} ${day.model_version}|${day.day}`, day.rmse]));
  redraw("accuracy", "accuracy-chart", {
    title: `RMSE per variant and day (minutes; days with ≥ ${minimumPlottedTrips} labelled trips)`,
    series: [{}, ...series.map((name, i) => ({ label: name, stroke: palette(i), width: 2 }))],
    axes: [{ values: (_, ticks) => ticks.map(tick => (Number.isInteger(tick) ? dates[tick] ?? "" : "")) }, { label: "RMSE" }],
  }, [dates.map((_, i) => i), ...series.map(name => dates.map(date => rmse.get(`${name}|${date}`) ?? null))]);
}

function showLoop(loop) {
  const windows = loop.windows; // monitoring windows (months), oldest first
  document.getElementById("loop-charts").hidden = windows.length === 0;
  fill("loop", "loop-empty", windows, entry => {
    const over = Object.entries(entry.feature_drift).filter(([, ratio]) => ratio >= 1)
      .map(([feature, ratio]) => `${feature} ${number.format(ratio)}×`);
    const rmse = `${entry.estimated_rmse == null ? "—" : number.format(entry.estimated_rmse)} / ${entry.actual_rmse == null ? "—" : number.format(entry.actual_rmse)}`;
    return [
      cell(entry.window), cell(entry.drift_score == null ? "—" : number.format(entry.drift_score), entry.drift_score >= 1 ? "number over" : "number"),
      cell(over.length ? over.join(", ") : "none"), cell(rmse, "number"),
      cell(`${entry.action}${entry.trigger !== "None" ? ` (${entry.trigger}${entry.suppression ? `: ${entry.suppression}` : ""})` : ""}`, `action-${entry.action}`),
      cell([entry.explanation, ...entry.events].join(" · ")),
    ];
  });
  if (windows.length === 0 || typeof uPlot === "undefined") {
    return;
  }
  const x = windows.map((_, i) => i);
  const features = [...new Set(windows.flatMap(entry => Object.keys(entry.feature_drift)))].sort();
  const labels = windows.map(entry => entry.window.replace(/^\w+ /, ""));
  const axis = { values: (_, ticks) => ticks.map(tick => (Number.isInteger(tick) ? labels[tick] ?? "" : "")) };
  redraw("drift", "drift-chart", {
    title: "drift per feature ÷ its threshold (≥ 1 drifts)",
    series: [{}, ...features.map((feature, i) => ({ label: feature, stroke: palette(i), width: 2 })), { label: "threshold", stroke: "#b91c1c", dash: [6, 4] }],
    axes: [axis, {}],
  }, [x, ...features.map(feature => windows.map(entry => entry.feature_drift[feature] ?? null)), x.map(() => 1)]);
  redraw("rmse", "rmse-chart", {
    title: "champion RMSE per window: estimated before labels vs actual",
    series: [{}, { label: "estimated", stroke: "#7c3aed", width: 2, dash: [4, 3] }, { label: "actual", stroke: "#1d4ed8", width: 2 }],
    axes: [axis, { label: "minutes" }],
  }, [x, windows.map(entry => entry.estimated_rmse), windows.map(entry => entry.actual_rmse)]);
}

function redraw(name, elementId, options, data) {
  const key = JSON.stringify(options.series.map(series => series.label ?? ""));
  if (!charts[name] || charts[`${name}Key`] !== key) {
    charts[name]?.destroy();
    charts[`${name}Key`] = key;
    // Windows are numbered 0…n-1 and labelled by month; half a window of margin keeps a lone first window in view.
    const x = { time: false, range: (_, min, max) => [min - 0.5, max + 0.5] };
    charts[name] = new uPlot({ ...options, width: chartWidth(elementId), height: 200, scales: { x } }, data, document.getElementById(elementId));
  } else {
    charts[name].setData(data);
  }
}

const chartWidth = elementId => Math.max(320, document.getElementById(elementId).parentElement.clientWidth - 20);
const palette = i => ["#1d4ed8", "#15803d", "#b45309", "#7c3aed", "#0891b2", "#be185d"][i % 6];

function connected(ok, problem) {
  const pill = document.getElementById("connection");
  pill.textContent = ok ? "live" : `cannot reach the service: ${problem}`;
  pill.className = ok ? "pill ok" : "pill down";
  if (ok) {
    document.getElementById("updated").textContent = `updated ${new Date().toLocaleTimeString()}`;
  }
}

async function pollFast() {
  try {
    const [status, traffic] = await Promise.all([json("/model"), json("/dashboard/api/traffic")]);
    showServed(status);
    showTraffic(traffic);
    connected(true);
  } catch (problem) {
    connected(false, problem.message);
  }
}

async function pollSlow() {
  try {
    const [history, accuracy, loop] = await Promise.all([json("/dashboard/api/history"), json("/dashboard/api/accuracy"), json("/dashboard/api/loop")]);
    showHistory(history);
    showAccuracy(accuracy);
    showLoop(loop);
  } catch (problem) {
    connected(false, problem.message);
  }
}

pollFast();
pollSlow();
setInterval(pollFast, 1000);
setInterval(pollSlow, 3000);
