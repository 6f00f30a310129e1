// Level 3, automated deployment: a model reaches production through the promotion gate, and running services
// hot-reload it. Gate, Deploy, Rollback, Replay and Monitor act on your store (tracking/, or TAXI_TRACKING_DIR) like
// the level-2 targets; Level3 plays the whole story end to end in a store of its own (artifacts/level3/tracking),
// so it can be run again and again with the same outcome.
using System.Net.Http;
using System.Text.Json;

DirectoryPath Level3Artifacts => Paths.Artifacts.Combine("level3");
DirectoryPath Level3PublishFolder => Level3Artifacts.Combine("publish");

// --month for Gate/Deploy/Replay: the labelled month to judge on or to replay (the CLI's own default otherwise).
void AppendMonth(ProcessArgumentBuilder arguments)
{
    if (HasArgument("month"))
    {
        arguments.Append("--month").AppendQuoted(Argument<string>("month"));
    }
}

Task("Gate")
    .Description("Level 3: judges a candidate against the champion on an unseen labelled month and promotes it on a pass: [--candidate=taxi-duration@challenger] [--month=2021-03] [--dry-run].")
    .Does(() =>
{
    // The result is what the CD workflow reads (promoted, candidate, report) for its job summary and image tag.
    var arguments = LevelCli(3, "gate").Append("--candidate").AppendQuoted(Argument("candidate", "taxi-duration@challenger"))
        .Append("--result").AppendQuoted(Level3Artifacts.CombineWithFilePath("gate-result.json").FullPath);
    AppendMonth(arguments);
    if (HasArgument("dry-run"))
    {
        arguments.Append("--dry-run");
    }

    AppendDataArguments(arguments);
    RequireSuccess(RunLevelTool(arguments), "The gate");
});

Task("Deploy")
    .Description("Level 3: gate → promote → a running service picks the new champion up: [--candidate=…] [--month=…] [--service=http://127.0.0.1:8080].")
    .Does(() =>
{
    var result = Level3Artifacts.CombineWithFilePath("deploy-gate.json");
    var arguments = LevelCli(3, "gate").Append("--candidate").AppendQuoted(Argument("candidate", "taxi-duration@challenger"))
        .Append("--result").AppendQuoted(result.FullPath);
    AppendMonth(arguments);
    AppendDataArguments(arguments);
    RequireSuccess(RunLevelTool(arguments), "The gate");
    var gate = ReadLevelRun(result);
    if (gate.Output("promoted") != "true")
    {
        Information($"Not deployed: {gate.Summary}. Report: {gate.Output("summary_file")}");
        return;
    }

    if (HasArgument("service"))
    {
        var seconds = WaitUntilChampionServed(new Uri(Argument<string>("service")), gate.Output("candidate"), TimeSpan.FromSeconds(30));
        Information($"{gate.Output("candidate")} is served {seconds:0.00} s after the promotion.");
    }
});

Task("Rollback")
    .Description("Level 3: the previous champion becomes champion again; running services follow within a poll: --reason=\"…\".")
    .Does(() =>
{
    var reason = Argument("reason", "");
    if (string.IsNullOrWhiteSpace(reason))
    {
        throw new CakeException("Rollback needs --reason=\"why\" (kept in the alias history).");
    }

    RequireSuccess(RunLevelTool(LevelCli(3, "rollback").Append("--reason").AppendQuoted(reason)), "The rollback");
});

Task("Replay")
    .Description("Level 3: replays a month's trips through a running service and writes their labels: --service=http://127.0.0.1:8080 [--month=2021-03] [--rate=200].")
    .Does(() =>
{
    var arguments = LevelCli(3, "replay").Append("--service").AppendQuoted(Argument<string>("service"));
    AppendMonth(arguments);
    foreach (var passed in new[] { "rate", "max-trips", "max-seconds", "clients", "batch" }.Where(name => HasArgument(name)))
    {
        arguments.Append($"--{passed}").AppendQuoted(Argument<string>(passed));
    }

    AppendDataArguments(arguments);
    RequireSuccess(RunLevelTool(arguments), "The replay");
});

Task("Monitor")
    .Description("Level 3: joins the prediction log with the replayed labels and reports each variant per day: [--log=predictions] [--labels=labels/2021-03.parquet].")
    .Does(() =>
{
    var arguments = LevelCli(3, "monitor").Append("--log").AppendQuoted(Argument("log", "predictions"));
    if (HasArgument("labels"))
    {
        arguments.Append("--labels").AppendQuoted(Argument<string>("labels"));
    }

    RequireSuccess(RunLevelTool(arguments), "The monitor");
});

// Polls GET /model until the champion variant answers with `version`; returns the seconds it took.
double WaitUntilChampionServed(Uri service, string version, TimeSpan timeout)
{
    using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(5) };
    var clock = System.Diagnostics.Stopwatch.StartNew();
    while (clock.Elapsed < timeout)
    {
        using var document = JsonDocument.Parse(http.GetStringAsync("/model").GetAwaiter().GetResult());
        var champion = document.RootElement.GetProperty("variants").EnumerateArray()
            .First(variant => variant.GetProperty("name").GetString() == "champion");
        if (champion.GetProperty("model_version").GetString() == version)
        {
            return clock.Elapsed.TotalSeconds;
        }

        System.Threading.Thread.Sleep(25);
    }

    throw new CakeException($"{service} did not serve {version} within {timeout.TotalSeconds:0} s of its promotion.");
}

string AddMonths(string month, int count) =>
    DateTime.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture).AddMonths(count)
        .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

int VersionNumber(string uri) => int.Parse(uri.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);

Task("Level3")
    .Description("Level 3, automated deployment: gate the first model, serve it, train a challenger, gate and promote it under replayed load, 20+ hot swaps with zero failed requests, an A/B and a shadow run, the per-variant monitor report.")
    .Does(() =>
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var store = Level3Artifacts.Combine("tracking");
    foreach (var folder in new[] { "tracking", "predictions", "labels", "gates", "monitor" })
    {
        CleanDirectory(Level3Artifacts.Combine(folder));
    }

    // Each model is judged on a month it has not seen: v1 learns train/validation and is gated on the month after;
    // v2 learns the next pair and is gated, and traffic replayed, on the month after that.
    var (gateMonth1, gateMonth2) = (AddMonths(ValidationMonth, 1), AddMonths(ValidationMonth, 2));
    Information($"Level 3 months: v1 {TrainMonth}/{ValidationMonth} gated on {gateMonth1}; v2 {ValidationMonth}/{gateMonth1} gated and replayed on {gateMonth2}.");
    PublishRelease(Paths.Root.Combine("levels/level3/Api").CombineWithFilePath("Api.csproj"), Level3PublishFolder);

    // v1 also fits the course's linear model on the ladder's months (under a second): the ladder compares every level on it.
    var first = TrainLevel3(store, TrainMonth, ValidationMonth, "train-v1.json", alias: null, candidates: Argument("candidates", "linear,lightgbm"));
    var firstGate = GateLevel3(store, first.Output("registered_version"), gateMonth1, "gate-1.json");
    if (firstGate.Output("promoted") != "true")
    {
        throw new CakeException($"The first model was not promoted: {firstGate.Summary}. Report: {firstGate.Output("summary_file")}");
    }

    var environment = new Dictionary<string, string>(OwnStoreEnvironment(store))
    {
        ["PredictionLog__Directory"] = Level3Artifacts.Combine("predictions").FullPath,
        // The dashboard (/dashboard) joins the log with the labels the replay writes here.
        ["Dashboard__LabelsDirectory"] = Level3Artifacts.Combine("labels").FullPath,
    };
    var labels = Level3Artifacts.Combine("labels").CombineWithFilePath($"{gateMonth2}.parquet");
    List<double> latencies;
    LevelRun second, secondGate, replay;
    using (var service = StartPublishedService(
        "level-3 service", Level3PublishFolder, "TaxiDuration.Level3.Api.dll", environment,
        () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"), Level3Artifacts.CombineWithFilePath("service.log")))
    {
        // Traffic from the month being "lived", while the challenger is trained, gated and champion moves back and
        // forth: every answer must succeed, whichever version gives it.
        var replaying = System.Threading.Tasks.Task.Run(() => RunLevelTool(
            ReplayArguments(service.Address, gateMonth2, labels, rate: 150, maxSeconds: 240, "replay.json"), store));
        second = TrainLevel3(store, ValidationMonth, gateMonth1, "train-v2.json", alias: "challenger");
        secondGate = GateLevel3(store, "taxi-duration@challenger", gateMonth2, "gate-2.json");
        var promotedSecond = secondGate.Output("promoted") == "true";
        if (!promotedSecond)
        {
            // The gate kept v1: the hot-reload exercise below still needs two champions to swap between.
            Information($"The gate kept the champion ({secondGate.Summary}); promoting v2 by hand to exercise hot reload.");
            RequireSuccess(RunLevelTool(LevelCli(3, "promote").Append("--version").Append(VersionNumber(second.Output("registered_version")).ToString())
                .Append("--reason").AppendQuoted("level-3 run: exercise hot reload"), store), "The promotion");
        }

        latencies = new List<double> { WaitUntilChampionServed(service.Address, second.Output("registered_version"), TimeSpan.FromSeconds(30)) };
        var champion = second.Output("registered_version");
        for (var swap = 0; swap < 20; swap++)
        {
            RequireSuccess(RunLevelTool(LevelCli(3, "rollback").Append("--reason").AppendQuoted($"level-3 run: hot-swap {swap + 1} of 20"), store), "A rollback");
            champion = champion == second.Output("registered_version") ? first.Output("registered_version") : second.Output("registered_version");
            latencies.Add(WaitUntilChampionServed(service.Address, champion, TimeSpan.FromSeconds(30)));
        }

        var replayExit = replaying.GetAwaiter().GetResult();
        RequireSuccess(replayExit, "The replay");
        replay = ReadLevelRun(Level3Artifacts.CombineWithFilePath("replay.json"));
    }

    if (replay.Metric("failed_requests") != 0)
    {
        throw new CakeException($"{replay.Metric("failed_requests")} of {replay.Metric("requests")} replayed requests failed during the hot swaps (see artifacts/level3/service.log).");
    }

    var split = RunAbTest(store, environment, gateMonth2, labels);
    RequireSuccess(RunLevelTool(LevelCli(3, "monitor")
        .Append("--log").AppendQuoted(environment["PredictionLog__Directory"])
        .Append("--labels").AppendQuoted(labels.FullPath)
        .Append("--out").AppendQuoted(Level3Artifacts.Combine("monitor").FullPath), store), "The monitor");

    latencies.Sort();
    var result = new LevelRun(
        3, "levels/level3 (CLI + service), driven by build/level3.cake",
        FormattableString.Invariant($"gate {secondGate.Output("verdict")} {second.Output("registered_version")}; {latencies.Count} swaps under load, {replay.Metric("failed_requests"):0} of {replay.Metric("requests"):N0} requests failed"),
        // The ladder compares levels on its own months, which v1 learnt; v2's figures are the challenger's.
        first.Data,
        new Dictionary<string, double>
        {
            ["validation_rmse"] = first.Metric("validation_rmse"),
            ["linear_validation_rmse"] = first.Metric("linear_validation_rmse"),
            ["challenger_validation_rmse"] = second.Metric("validation_rmse"),
            ["gate_candidate_rmse"] = secondGate.Metric("candidate_rmse"),
            ["gate_champion_rmse"] = secondGate.Metric("champion_rmse"),
            ["swaps"] = latencies.Count,
            ["requests"] = replay.Metric("requests"),
            ["failed_requests"] = replay.Metric("failed_requests"),
            ["replay_p99_ms"] = replay.Metric("p99_ms"),
            ["promotion_to_served_median_seconds"] = latencies[latencies.Count / 2],
            ["promotion_to_served_max_seconds"] = latencies[^1],
            ["ab_smaller_share"] = split,
        },
        new Dictionary<string, string>
        {
            ["trainer"] = first.Output("trainer"),
            ["feature_set"] = first.Output("feature_set"),
            ["first_gate_report"] = firstGate.Output("summary_file"),
            ["gate_report"] = secondGate.Output("summary_file"),
            ["gate_verdict"] = secondGate.Output("verdict"),
            ["monitor_report"] = Level3Artifacts.Combine("monitor").CombineWithFilePath("variants.md").FullPath,
            ["service_log"] = Level3Artifacts.CombineWithFilePath("service.log").FullPath,
        },
        Array.Empty<GoalCheck>());
    System.IO.File.WriteAllText(LevelResultPath(3).FullPath, JsonSerializer.Serialize(result, ResultJson));
    RecordTargetSeconds(LevelResultPath(3), clock.Elapsed);
    Information(FormattableString.Invariant(
        $"Level 3: {result.Summary}; promotion to served median {latencies[latencies.Count / 2]:0.00} s, max {latencies[^1]:0.00} s (goal ≤ 2 s); A/B split {split:P1} / {1 - split:P1}."));
    Information($"Gate report: {secondGate.Output("summary_file")}; monitor report: {result.Outputs["monitor_report"]}");
});

LevelRun TrainLevel3(DirectoryPath store, string train, string validation, string resultName, string alias, string candidates = null)
{
    var result = Level3Artifacts.CombineWithFilePath(resultName);
    var arguments = LevelCli(3, "train")
        .Append("--train").AppendQuoted(train).Append("--validation").AppendQuoted(validation).Append("--test").Append("none")
        .Append("--candidates").Append(candidates ?? Argument("candidates", "lightgbm")).Append("--trials").Append(Argument("trials", "0"))
        .Append("--result").AppendQuoted(result.FullPath);
    if (alias is not null)
    {
        arguments.Append("--alias").Append(alias);
    }

    AppendDataArguments(arguments);
    RequireSuccess(RunLevelTool(arguments, store), $"Training on {train}/{validation}");
    return ReadLevelRun(result);
}

LevelRun GateLevel3(DirectoryPath store, string candidate, string month, string resultName)
{
    var result = Level3Artifacts.CombineWithFilePath(resultName);
    var arguments = LevelCli(3, "gate").Append("--candidate").AppendQuoted(candidate).Append("--month").AppendQuoted(month)
        .Append("--report-dir").AppendQuoted(Level3Artifacts.Combine("gates").FullPath)
        .Append("--result").AppendQuoted(result.FullPath);
    AppendDataArguments(arguments);
    RequireSuccess(RunLevelTool(arguments, store), $"The gate on {month}");
    var gate = ReadLevelRun(result);
    Information($"{gate.Summary} — report {gate.Output("summary_file")}");
    return gate;
}

ProcessArgumentBuilder ReplayArguments(Uri service, string month, FilePath labels, int rate, int maxSeconds, string resultName)
{
    var arguments = LevelCli(3, "replay")
        .Append("--service").AppendQuoted(service.ToString().TrimEnd('/')).Append("--month").AppendQuoted(month)
        .Append("--rate").Append(rate.ToString()).Append("--max-seconds").Append(maxSeconds.ToString())
        .Append("--labels").AppendQuoted(labels.FullPath)
        .Append("--result").AppendQuoted(Level3Artifacts.CombineWithFilePath(resultName).FullPath);
    AppendDataArguments(arguments);
    return arguments;
}

// A/B: champion and the previous champion answer half the traffic each, sticky per client (the shadow keeps
// scoring the challenger). Returns the smaller variant's share of the rides (0.5 is an exact split).
double RunAbTest(DirectoryPath store, IReadOnlyDictionary<string, string> environment, string month, FilePath labels)
{
    var split = new Dictionary<string, string>(environment)
    {
        ["Rollout__Variants__0__Name"] = "champion",
        ["Rollout__Variants__0__ModelUri"] = "taxi-duration@champion",
        ["Rollout__Variants__0__Weight"] = "0.5",
        ["Rollout__Variants__1__Name"] = "previous",
        ["Rollout__Variants__1__ModelUri"] = "taxi-duration@previous-champion",
        ["Rollout__Variants__1__Weight"] = "0.5",
    };
    using var service = StartPublishedService(
        "level-3 service (A/B)", Level3PublishFolder, "TaxiDuration.Level3.Api.dll", split,
        () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"), Level3Artifacts.CombineWithFilePath("service-ab.log"));
    // The same month's first trips again: their labels are already in `labels`, this copy is not needed after.
    var abLabels = labels.GetDirectory().CombineWithFilePath($"{labels.GetFilenameWithoutExtension()}-ab.parquet");
    RequireSuccess(RunLevelTool(ReplayArguments(service.Address, month, abLabels, rate: 400, maxSeconds: 30, "replay-ab.json"), store), "The A/B replay");
    DeleteFile(abLabels);
    var replay = ReadLevelRun(Level3Artifacts.CombineWithFilePath("replay-ab.json"));
    var byVersion = replay.Outputs.Where(pair => pair.Key.StartsWith("rides.", StringComparison.Ordinal))
        .ToDictionary(pair => pair.Key["rides.".Length..], pair => double.Parse(pair.Value, System.Globalization.CultureInfo.InvariantCulture));
    Information($"A/B replay: {string.Join(", ", byVersion.Select(pair => $"{pair.Key} × {pair.Value:N0}"))}; {replay.Metric("failed_requests"):0} failed.");
    if (replay.Metric("failed_requests") != 0 || byVersion.Count != 2)
    {
        throw new CakeException($"The A/B run should answer from two versions with no failure: {replay.Summary}.");
    }

    return byVersion.Values.Min() / byVersion.Values.Sum();
}
