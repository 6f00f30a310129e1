// LevelsPage writes docs/levels.md: one table of what each level is and what it costs, a diagram and a guided tour
// per level. CheckLevelsPage (in CI) fails when the committed page no longer matches what the generator finds.
//   measured here, from the code:   lines of code each level adds, its moving parts (processes, stores, workflows)
//   measured by running the levels: the wall time of each level target (docs/levels.measurements.json, written by
//                                   RecordLevelMeasurements from artifacts/levelN/result.json; CI cannot rerun 2-4)
//   written by people:              the aspects, what is automated or manual, diagrams, tours (docs/levels.notes.json)
// A level whose folder is gone (a fork keeping one level) simply has no row.
#load "levels-cost.cake"
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

static readonly string LevelsPageFile = "docs/levels.md";
static readonly string LevelsNotesFile = "docs/levels.notes.json";
static readonly string LevelsMeasurementsFile = "docs/levels.measurements.json";

public sealed record LevelNotes(
    int Level, string People, string ModelCreation, string ModelRelease, string ApplicationIntegration,
    string Automated, string Manual, string Target, string[] Diagram, string[] Tour);

// One level target's figures from a real-data run, with where, when and how they were taken.
public sealed record LevelMeasurement(
    int Level, string Command, string Recorded, string Machine, double TargetSeconds, double LoadAverage,
    string Data, double LinearValidationRmse, double BestRmse, string BestRmseMeaning);

static readonly JsonSerializerOptions LevelsJson = new(JsonSerializerDefaults.Web)
{
    WriteIndented = true,
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
};

IReadOnlyDictionary<int, LevelNotes> ReadLevelNotes()
{
    var file = Paths.Root.CombineWithFilePath(LevelsNotesFile);
    return FileExists(file)
        ? JsonSerializer.Deserialize<LevelNotes[]>(System.IO.File.ReadAllText(file.FullPath), LevelsJson)!.ToDictionary(notes => notes.Level)
        : new Dictionary<int, LevelNotes>();
}

IReadOnlyDictionary<int, LevelMeasurement> ReadLevelMeasurements()
{
    var file = Paths.Root.CombineWithFilePath(LevelsMeasurementsFile);
    return FileExists(file)
        ? JsonSerializer.Deserialize<LevelMeasurement[]>(System.IO.File.ReadAllText(file.FullPath), LevelsJson)!.ToDictionary(measured => measured.Level)
        : new Dictionary<int, LevelMeasurement>();
}

Task("LevelsPage")
    .Description("Writes docs/levels.md: levels × Microsoft's aspects, what is automated, and what each level costs (lines, moving parts, time).")
    .Does(() => WriteLevelsPage(check: false));

Task("CheckLevelsPage")
    .Description("Fails when docs/levels.md does not match the code, the notes or the recorded measurements (CI).")
    .Does(() => WriteLevelsPage(check: true));

Task("RecordLevelMeasurements")
    .Description("Copies the wall time and RMSEs of the level targets run here on real data (artifacts/levelN/result.json) into docs/levels.measurements.json.")
    .Does(() =>
{
    var measured = ReadLevelMeasurements().ToDictionary(pair => pair.Key, pair => pair.Value);
    foreach (var level in Enumerable.Range(0, Maturity.Length).Where(level => FileExists(LevelResultPath(level))))
    {
        var run = ReadLevelRun(LevelResultPath(level));
        if (run.AnySynthetic || double.IsNaN(run.Metric("target_seconds")))
        {
            Warning($"Level {level}: {(run.AnySynthetic ? "ran on SYNTHETIC data" : "has no target_seconds (the host ran, not the level target)")}; not recorded.");
            continue;
        }

        measured[level] = MeasurementOf(run, System.IO.File.GetLastWriteTimeUtc(LevelResultPath(level).FullPath));
        Information(FormattableString.Invariant($"Level {level}: {measured[level].TargetSeconds:0.0} s at load {measured[level].LoadAverage:0.0}, recorded."));
    }

    var file = Paths.Root.CombineWithFilePath(LevelsMeasurementsFile);
    System.IO.File.WriteAllText(file.FullPath, JsonSerializer.Serialize(measured.Values.OrderBy(m => m.Level), LevelsJson) + "\n");
    Information($"Wrote {file}; run --target=LevelsPage to put it in docs/levels.md.");
});

LevelMeasurement MeasurementOf(LevelRun run, DateTime finished)
{
    var months = run.Data.Select(month => month.Month.Replace("green ", "")).Distinct().ToArray();
    var data = months.Length <= 3 ? $"real {string.Join(", ", months)}" : $"real, {months.Length} months served, {months[0]} → {months[^1]}";
    var (best, meaning) = run.Level == 4
        ? (run.Metric("level_4.mean_rmse"), $"mean RMSE of the level-4 policy over the {months.Length} months it served")
        : (run.Metric("validation_rmse"), $"validation RMSE, {run.Month("validation").Month.Replace("green ", "")}, of the model the level ships ({LadderBestModel(run)})");
    return new LevelMeasurement(
        run.Level, $"./build.sh --target=Level{run.Level}", finished.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        $"{System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Split(' ')[0]}, shared with other builds",
        run.Metric("target_seconds"), run.Metric("target_load_average"), data, LadderLinearRmse(run), best, meaning);
}

void WriteLevelsPage(bool check)
{
    var notes = ReadLevelNotes();
    var measured = ReadLevelMeasurements();
    var costs = LevelCosts();
    var page = new StringBuilder()
        .AppendLine("# The levels side by side: what each one is, and what it costs")
        .AppendLine()
        .AppendLine("Generated by `./build.sh --target=LevelsPage`; CI runs `--target=CheckLevelsPage`, so the page cannot drift from the")
        .AppendLine($"code. The cost columns are measured (how, below); the rest is `{LevelsNotesFile}`. Microsoft's four aspects are")
        .AppendLine("those of its [MLOps maturity model](https://learn.microsoft.com/azure/architecture/ai-ml/guide/mlops-maturity-model),")
        .AppendLine("said for this repository.")
        .AppendLine()
        .AppendLine("| level | people | model creation | model release | application integration | automated | still manual | code it adds (lines) | a fork carries (lines) | moving parts | level target, wall time |")
        .AppendLine("|---|---|---|---|---|---|---|---:|---:|---|---:|");
    foreach (var cost in costs)
    {
        var note = notes.TryGetValue(cost.Level, out var found) ? found : null;
        page.AppendLine(FormattableString.Invariant(
            $"| [{cost.Level}](#level-{cost.Level}--{Anchor(Maturity[cost.Level])}) {Maturity[cost.Level]} | {note?.People} | {note?.ModelCreation} | {note?.ModelRelease} | {note?.ApplicationIntegration} | {note?.Automated} | {note?.Manual} | {cost.AddedLines:N0} | {cost.CarriedLines:N0} | {cost.MovingPartsCell} | {WallTimeCell(measured, cost.Level)} |"));
    }

    page.AppendLine()
        .AppendLine("## How the cost is measured")
        .AppendLine()
        .AppendLine("- **Code it adds**: lines that are neither blank nor only a comment (`//`, `///`, `/* */`) in the `.cs` files of the")
        .AppendLine("  level's host projects (`levels/levelN/*/`; level 0: its script), of the `src/` projects those hosts reference,")
        .AppendLine("  directly or through other `src/` projects (read from the `.csproj` `ProjectReference`s), that no lower level")
        .AppendLine("  already brought in, and of the level's Cake file (`build/levelN.cake` and the files it `#load`s) not counted before.")
        .AppendLine("  `bin/`, `obj/`, tests, JSON, HTML and JavaScript are not counted; tests are listed separately below.")
        .AppendLine("- **A fork carries**: the same count over everything the level needs, lower levels' shared projects included: what")
        .AppendLine("  a team forking that level alone starts from (the shared build files, `build.cake` and friends, are not in it).")
        .AppendLine("- **Moving parts**: processes are the level's hosts (a `Microsoft.NET.Sdk.Web` project runs as a service, any other")
        .AppendLine("  as a command that runs and exits) plus hosts of another level its Cake target starts; stores are those the")
        .AppendLine("  referenced projects write (tracking store and registry, prediction log, monitor metrics file, model file);")
        .AppendLine("  workflows are `.github/workflows/levelN-*.yml`.")
        .AppendLine($"- **Wall time**: the whole level target on real data, from `{LevelsMeasurementsFile}` (written by")
        .AppendLine("  `./build.sh --target=RecordLevelMeasurements` from the `result.json` each level target leaves; CI cannot rerun")
        .AppendLine("  levels 2–4 on every push). The 1-minute load average when the target ended is beside it: this machine is shared.")
        .AppendLine()
        .AppendLine("| level | host projects | `src/` projects it adds | build files it adds | lines: hosts + src + build | tests of what it adds (lines) | processes | stores | workflows |")
        .AppendLine("|---|---|---|---|---:|---:|---|---|---|");
    foreach (var cost in costs)
    {
        page.AppendLine(FormattableString.Invariant(
            $"| {cost.Level} | {Listed(cost.Hosts)} | {Listed(cost.AddedProjects)} | {Listed(cost.AddedBuildFiles)} | {cost.HostLines:N0} + {cost.SourceLines:N0} + {cost.BuildLines:N0} | {cost.TestLines:N0} | {Listed(cost.Processes)} | {Listed(cost.Stores)} | {Listed(cost.Workflows)} |"));
    }

    page.AppendLine()
        .AppendLine("Measured runs (`./build.sh --target=LevelN` with `TAXI_DATA_DIR` on the real TLC months; the ladder's months: train")
        .AppendLine("2021-01, validation 2021-02), each with the projects already built, as a developer reruns a level: a fresh clone")
        .AppendLine("adds the first compile of everything the level uses. Re-measure with `./build.sh --target=LevelN` for the levels you")
        .AppendLine("want, then `--target=RecordLevelMeasurements` and `--target=LevelsPage`:")
        .AppendLine()
        .AppendLine("| level | command | when | machine | load | data | wall time | same linear model, validation RMSE | best figure | what the best figure is |")
        .AppendLine("|---|---|---|---|---:|---|---:|---:|---:|---|");
    foreach (var measurement in measured.Values.OrderBy(m => m.Level))
    {
        page.AppendLine(FormattableString.Invariant(
            $"| {measurement.Level} | `{measurement.Command}` | {measurement.Recorded} | {measurement.Machine} | {measurement.LoadAverage:0.0} | {measurement.Data} | {Duration(measurement.TargetSeconds)} | {Rmse(measurement.LinearValidationRmse)} | {Rmse(measurement.BestRmse)} | {measurement.BestRmseMeaning} |"));
    }

    page.AppendLine()
        .AppendLine("Why these figures differ is explained line by line in the ladder report (`./build.sh`, `artifacts/ladder.md`).")
        .AppendLine();
    foreach (var cost in costs)
    {
        var note = notes.TryGetValue(cost.Level, out var found) ? found : null;
        page.AppendLine($"## Level {cost.Level} — {Maturity[cost.Level]}").AppendLine();
        page.AppendLine($"[README](../levels/level{cost.Level}/README.md). What its target runs: {note?.Target}").AppendLine();
        if (note?.Diagram is { Length: > 0 } diagram)
        {
            page.AppendLine("```mermaid");
            foreach (var line in diagram)
            {
                page.AppendLine(line);
            }

            page.AppendLine("```").AppendLine();
        }

        if (note?.Tour is { Length: > 0 } tour)
        {
            page.AppendLine("Guided tour:").AppendLine();
            for (var step = 0; step < tour.Length; step++)
            {
                page.AppendLine($"{step + 1}. {tour[step]}");
            }

            page.AppendLine();
        }
    }

    var missingNotes = costs.Where(cost => !notes.ContainsKey(cost.Level)).Select(cost => cost.Level).ToArray();
    var uncovered = costs.Where(cost => cost.UncoveredByPullRequestWorkflow.Length > 0)
        .Select(cost => $"level{cost.Level}-pr.yml lacks {string.Join(", ", cost.UncoveredByPullRequestWorkflow)}").ToArray();
    foreach (var gap in uncovered)
    {
        Warning($"{gap}: a change there would not run that level's workflow.");
    }

    var target = Paths.Root.CombineWithFilePath(LevelsPageFile);
    var content = page.ToString().TrimEnd('\n') + "\n";
    if (check)
    {
        var committed = FileExists(target) ? System.IO.File.ReadAllText(target.FullPath).Replace("\r\n", "\n") : "";
        if (uncovered.Length > 0)
        {
            throw new CakeException($"A level's pull-request workflow misses paths it depends on: {string.Join("; ", uncovered)}.");
        }

        if (committed != content || missingNotes.Length > 0)
        {
            throw new CakeException($"{LevelsPageFile} is stale{(missingNotes.Length > 0 ? $" and level(s) {string.Join(", ", missingNotes)} have no notes in {LevelsNotesFile}" : "")}: run ./build.sh --target=LevelsPage and commit.");
        }

        Information($"{LevelsPageFile} matches the code, the notes and the measurements.");
        return;
    }

    System.IO.File.WriteAllText(target.FullPath, content);
    Information($"Wrote {target}{(missingNotes.Length > 0 ? $"; level(s) {string.Join(", ", missingNotes)} need notes in {LevelsNotesFile}" : "")}");
}

static string Listed(IEnumerable<string> items) => items.Any() ? string.Join("<br>", items) : "—";

static string Anchor(string heading) => heading.ToLowerInvariant().Replace(",", "").Replace(' ', '-');

static string Rmse(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

static string Duration(double seconds) => seconds < 90
    ? FormattableString.Invariant($"{seconds:0} s")
    : FormattableString.Invariant($"{Math.Floor(seconds / 60):0} min {seconds % 60:00} s");

static string WallTimeCell(IReadOnlyDictionary<int, LevelMeasurement> measured, int level) =>
    measured.TryGetValue(level, out var measurement)
        ? FormattableString.Invariant($"{Duration(measurement.TargetSeconds)} (load {measurement.LoadAverage:0.0})")
        : "not measured yet";
