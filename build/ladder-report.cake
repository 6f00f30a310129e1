// The ladder report (artifacts/ladder.md): every level's result.json side by side, compared like with like. Each
// level reports the same linear model on the ladder's months beside the model it ships, the whole level target's
// wall time and what that target runs, and a line explains every difference a reader would ask about.
using System.Text;
using System.Text.Json;

// The levels' hand-written notes (docs/levels.notes.json): what each level automates, for the ladder and docs/levels.md.
static readonly string LevelsNotesFile = "docs/levels.notes.json";

public sealed record LevelNotes(
    int Level, string People, string ModelCreation, string ModelRelease, string ApplicationIntegration,
    string Automated, string Manual, string Target, string[] Diagram, string[] Tour);

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

static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

// The course's linear model (PU_DO one-hot + distance) on the ladder's validation month: level 0's script, level 1's
// CLI when it trained the linear model, the pipeline's linear candidate from level 2 on. NaN when the level fitted none.
double LadderLinearRmse(LevelRun run) =>
    run.Metrics.TryGetValue("linear_validation_rmse", out var linear) ? linear
    : run.Level == 0 || (run.Outputs.TryGetValue("trainer", out var trainer) && trainer == "linear") ? run.Metric("validation_rmse")
    : double.NaN;

string LadderBestModel(LevelRun run) => run.Level switch
{
    0 => "closed-form least squares on PU_DO + distance",
    4 => "LightGBM, retrained by the loop",
    _ when run.Outputs.TryGetValue("trainer", out var trainer) =>
        $"{trainer}{(run.Outputs.TryGetValue("feature_set", out var features) ? $" on {features} features" : "")}",
    _ => "the level's champion",
};

static string Figure(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0000", Invariant);

static string Rows(LevelRun run) =>
    run.Data.Any(month => month.Role == "train") && run.Data.Any(month => month.Role == "validation")
        ? FormattableString.Invariant($"{run.Month("train").KeptRows:N0} / {run.Month("validation").KeptRows:N0}")
        : "—";

void WriteLadderReport()
{
    var runs = Enumerable.Range(0, Maturity.Length).Select(LevelResultPath).Where(path => FileExists(path)).Select(ReadLevelRun)
        .ToDictionary(run => run.Level);
    var notes = ReadLevelNotes();
    var report = new StringBuilder()
        .AppendLine("# The MLOps maturity ladder, side by side")
        .AppendLine()
        .AppendLine($"Months: train {TrainMonth}, validation {ValidationMonth}. {DataSource.Describe()}.")
        .AppendLine()
        .AppendLine("| level | maturity | automated at this level | data used | rows (train / validation) | same linear model, validation RMSE | the level's model | its RMSE | whole level target (s) |")
        .AppendLine("|---|---|---|---|---:|---:|---|---:|---:|");
    foreach (var run in runs.Values)
    {
        var best = run.Level == 4
            ? FormattableString.Invariant($"{run.Metric("level_4.mean_rmse"):0.0000} (mean over {run.Data.Count} served months)")
            : Figure(run.Metric("validation_rmse"));
        report.AppendLine(FormattableString.Invariant(
            $"| {run.Level} | {Maturity[run.Level]} | {(notes.TryGetValue(run.Level, out var note) ? note.Automated : "")} | {run.DataDescription} | {Rows(run)} | {Figure(LadderLinearRmse(run))} | {LadderBestModel(run)} | {best} | {run.Metric("target_seconds"):F1} |"));
    }

    report.AppendLine().AppendLine("## Why the figures differ").AppendLine();
    foreach (var line in LadderExplanations(runs, notes))
    {
        report.AppendLine($"- {line}");
    }

    var path = Paths.Artifacts.CombineWithFilePath("ladder.md");
    EnsureDirectoryExists(Paths.Artifacts);
    System.IO.File.WriteAllText(path.FullPath, report.ToString());
    Information(report.ToString());
    AddToJobSummary(report.ToString());
    Information($"Ladder report: {path}");
}

// One line per difference, each only when both levels ran; the figures are this run's, the causes the code's.
IEnumerable<string> LadderExplanations(IReadOnlyDictionary<int, LevelRun> runs, IReadOnlyDictionary<int, LevelNotes> notes)
{
    if (runs.Values.Any(run => run.AnySynthetic))
    {
        yield return "Some levels ran on SYNTHETIC months: their RMSEs say nothing about real trips and are not comparable with real-data ones.";
    }

    if (runs.TryGetValue(0, out var level0) && runs.TryGetValue(1, out var level1) && !double.IsNaN(LadderLinearRmse(level1)))
    {
        var sameRows = Rows(level0) == Rows(level1);
        yield return FormattableString.Invariant(
            $"**Same linear model, level 0 → 1: {LadderLinearRmse(level0):0.0000} → {LadderLinearRmse(level1):0.0000}.** Same months, same features (PU_DO one-hot + distance), ")
            + (sameRows
                ? "same rows kept (level 1 also drops trips with a missing or out-of-range zone or a missing distance, which level 0 keeps as `nan`/0: there are none among these months' 1–60-minute trips). "
                : $"but not the same rows ({Rows(level0)} vs {Rows(level1)}): level 1 drops trips with a missing or out-of-range zone or a missing distance, which level 0 keeps as `nan`/0. ")
            + "The difference is the solver's penalty: level 0 solves plain least squares in closed form (the notebook's 7.4795), level 1's trainer "
            + "(`LeastSquaresRegressionTrainer`, used from level 1 up) adds a ridge penalty of 0.2 rows (`LeastSquaresOptions.DefaultL2`), which shrinks "
            + "PU_DO pairs seen once or twice towards intercept + slope × distance. At 0.01, nearly plain least squares, the same trainer gives 7.478 "
            + "(measured in `LeastSquaresOptions`' remarks): the penalty, not the data, the features or the months, makes the difference.";
    }

    var linearFits = runs.Values.Where(run => run.Level >= 1 && !double.IsNaN(LadderLinearRmse(run))).ToArray();
    if (linearFits.Length > 1)
    {
        var agree = linearFits.Select(run => Math.Round(LadderLinearRmse(run), 4)).Distinct().Count() == 1;
        yield return $"**Same linear model, levels {string.Join(", ", linearFits.Select(run => run.Level))}: "
            + $"{string.Join(" / ", linearFits.Select(run => Figure(LadderLinearRmse(run))))}.** One trainer in `src/TaxiDuration.Training` fits it at every level, "
            + (agree ? "so the figures agree: MLOps changes how a model is made and shipped, not what this model learns."
                     : "so a difference here means the trainer or the data changed between the runs: look before trusting the other rows.");
    }

    if (runs.TryGetValue(1, out var one) && runs.TryGetValue(2, out var two))
    {
        yield return FormattableString.Invariant(
            $"**The level's model, level 1 → 2: {one.Metric("validation_rmse"):0.0000} → {two.Metric("validation_rmse"):0.0000}.** That gain is the model, not MLOps: ")
            + $"level 2's pipeline tries linear, FastTree and LightGBM and searches the best family (it shipped {LadderBestModel(two)}: zones, hour, weekday, distance and "
            + "each zone pair's duration prior from the training month), where level 1 ships the linear model a person chose. "
            + FormattableString.Invariant($"On the same linear model level 2 scores {Figure(LadderLinearRmse(two))}. ")
            + "What level 2 buys is that the run is tracked, registered and repeatable; level 1 could train the same LightGBM (`--model lightgbm --features rich`).";
    }

    if (runs.TryGetValue(2, out var second) && runs.TryGetValue(3, out var third))
    {
        yield return FormattableString.Invariant(
            $"**Level 2 → 3: {second.Metric("validation_rmse"):0.0000} → {third.Metric("validation_rmse"):0.0000}.** Level 3's first model is LightGBM with its defaults and no search ")
            + "(its story is the release, not the model: `--candidates linear,lightgbm --trials 0`); level 2 searched. Level 3's own figures are the gate's "
            + FormattableString.Invariant($"(challenger {third.Metric("gate_candidate_rmse"):0.0000} vs champion {third.Metric("gate_champion_rmse"):0.0000} on a month neither saw) ")
            + FormattableString.Invariant($"and {third.Metric("failed_requests"):0} failed of {third.Metric("requests"):N0} requests over {third.Metric("swaps"):0} hot swaps.");
    }

    if (runs.TryGetValue(4, out var fourth))
    {
        var served = fourth.Data.Select(month => month.Month).ToArray();
        yield return FormattableString.Invariant(
            $"**Level 4 is measured on other months.** Its figure is the loop's mean RMSE over the {served.Length} months it served ({served.FirstOrDefault()} → {served.LastOrDefault()}, after the month that trained its first champion), ")
            + FormattableString.Invariant($"to be read beside the same replay's frozen model ({fourth.Metric("frozen.mean_rmse"):0.0000}) and monthly retraining ({fourth.Metric("scheduled.mean_rmse"):0.0000}), not beside the rows above. ")
            + "It fits no linear model on the ladder's months: its one linear fit is the freshness probe, trained on each previous month and judged by the gate, not reported.";
    }

    var timed = runs.Values.Where(run => notes.ContainsKey(run.Level)).ToArray();
    if (timed.Length > 0)
    {
        yield return "**Wall times compare whole level targets**, i.e. what a person waits for, and each runs more than a training: "
            + string.Join("; ", timed.Select(run => FormattableString.Invariant($"level {run.Level} ({run.Metric("target_seconds"):0} s): {notes[run.Level].Target.TrimEnd('.')}")))
            + ". On a shared machine they follow its load (`target_load_average` in each result.json).";
    }
}
