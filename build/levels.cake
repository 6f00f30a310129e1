// One target per level, each writing artifacts/levelN/result.json (LevelResult), and "Ladder", which runs
// them all and compares them side by side in artifacts/ladder.md. A new level adds its target here and
// one IsDependentOn line on "Ladder".
using System.Text.Json;
using System.Text.RegularExpressions;

public sealed record LevelResult(
    int Level,
    string Maturity,
    string WhatRan,
    string Data,
    int TrainRows,
    int ValidationRows,
    double ValidationRmse,
    double Seconds);

// Relaxed escaping keeps "+" and quotes readable in the JSON people open.
static readonly JsonSerializerOptions ResultJson = new()
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
};

FilePath LevelResultPath(int level) => Paths.Artifacts.Combine($"level{level}").CombineWithFilePath("result.json");

void WriteLevelResult(LevelResult result)
{
    var path = LevelResultPath(result.Level);
    EnsureDirectoryExists(path.GetDirectory());
    System.IO.File.WriteAllText(path.FullPath, JsonSerializer.Serialize(result, ResultJson));
    Information($"Level {result.Level} result: {path}");
}

Task("Level0")
    .Description("Level 0, No MLOps: runs the notebook-style script and records rows, RMSE and time.")
    .IsDependentOn("Data")
    .Does(() =>
{
    var run = Run("dotnet", new ProcessArgumentBuilder()
        .Append("run").AppendQuoted("levels/level0/duration-prediction.cs")
        .Append(TrainMonth).Append(ValidationMonth), captureOutput: true);

    string Field(string pattern) =>
        run.Output.Select(line => Regex.Match(line, pattern)).FirstOrDefault(match => match.Success)?.Groups[1].Value
        ?? throw new CakeException($"Level 0 output has no line matching '{pattern}'");
    int Count(string text) => int.Parse(text.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    var rows = Regex.Match(Field(@"^rows kept: (.*)$"), @"train ([\d,]+), validation ([\d,]+)");
    WriteLevelResult(new LevelResult(
        Level: 0,
        Maturity: "No MLOps",
        WhatRan: "levels/level0/duration-prediction.cs: one script, closed-form least squares on PU_DO + distance",
        Data: Field(@"^data: (.*)$"),
        TrainRows: Count(rows.Groups[1].Value),
        ValidationRows: Count(rows.Groups[2].Value),
        ValidationRmse: double.Parse(Field(@"^validation RMSE: ([\d.]+)$"), System.Globalization.CultureInfo.InvariantCulture),
        // Wall time of `dotnet run`, compilation included: what a user waits for.
        Seconds: Math.Round(run.Elapsed.TotalSeconds, 1)));
});

Task("Ladder")
    .Description("Runs every level and writes artifacts/ladder.md comparing them side by side.")
    .IsDependentOn("Level0")
    .IsDependentOn("Level1")
    .IsDependentOn("Level2")
    .Does(() =>
{
    var results = Enumerable.Range(0, 5)
        .Select(LevelResultPath)
        .Where(path => FileExists(path))
        .Select(path => JsonSerializer.Deserialize<LevelResult>(System.IO.File.ReadAllText(path.FullPath), ResultJson))
        .ToList();

    var report = new StringBuilder()
        .AppendLine("# The MLOps maturity ladder, side by side")
        .AppendLine()
        .AppendLine($"Months: train {TrainMonth}, validation {ValidationMonth}. {DataSource.Describe()}.")
        .AppendLine()
        .AppendLine("| level | maturity | what ran | data used | rows (train / validation) | validation RMSE | time (s) |")
        .AppendLine("|---|---|---|---|---:|---:|---:|");
    foreach (var r in results)
    {
        report.AppendLine(FormattableString.Invariant(
            $"| {r.Level} | {r.Maturity} | {r.WhatRan} | {r.Data} | {r.TrainRows:N0} / {r.ValidationRows:N0} | {r.ValidationRmse:F4} | {r.Seconds:F1} |"));
    }

    var path = Paths.Artifacts.CombineWithFilePath("ladder.md");
    EnsureDirectoryExists(Paths.Artifacts);
    System.IO.File.WriteAllText(path.FullPath, report.ToString());
    Information(report.ToString());
    Information($"Ladder report: {path}");
});
