// Level 0, no MLOps: the notebook-style script, run as a person runs it.

Task("Level0")
    .Description("Level 0, No MLOps: runs the notebook-style script; it writes artifacts/level0/result.json.")
    .Does(() =>
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    // `dotnet run` of the script from the repository root, as a person runs it (compilation included in the time).
    Run("dotnet", new ProcessArgumentBuilder()
        .Append("run").AppendQuoted("levels/level0/duration-prediction.cs")
        .Append(TrainMonth).Append(ValidationMonth));
    RecordTargetSeconds(LevelResultPath(0), clock.Elapsed);
    var run = ReadLevelRun(LevelResultPath(0));
    Information(FormattableString.Invariant($"Level 0: validation RMSE {run.Metric("validation_rmse"):0.0000} on {run.DataDescription}"));
});
