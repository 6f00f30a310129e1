using TaxiDuration.Reporting.Results;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>Level 0 acceptance: the notebook-style script, run as a user runs it, reproduces the course numbers.</summary>
public sealed class Level0ScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "levels", "level0", "duration-prediction.cs");

    [RealDataFact("2021-01", "2021-02")]
    public async Task Script_on_real_january_and_february_2021_matches_the_course_rows_and_rmse()
    {
        // Run from a scratch folder, as a user could: the script writes artifacts/level0/ under where it runs.
        using var workspace = new TemporaryFolder();

        var run = await ScriptRun.DotnetRunAsync(
            Script, workspace.Path, new Dictionary<string, string?> { [RealData.VariableName] = RealData.Directory });

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains($"data: real ({RealData.Directory})", run.StandardOutput, StringComparison.Ordinal);
        var result = RunResult.Load(workspace.File(Path.Combine("artifacts", "level0", RunResult.FileName)));
        Assert.Equal(0, result.Level);
        Assert.Equal([73_908, 61_921], result.Data.Select(month => month.KeptRows));
        Assert.Equal([76_518, 64_572], result.Data.Select(month => month.RawRows));
        Assert.All(result.Data, month => Assert.Equal("Real", month.Origin));
        Assert.InRange(result.Metrics[ResultKeys.ValidationRmse], 7.40, 7.80);
        Assert.Contains(FormattableString.Invariant($"validation RMSE: {result.Metrics[ResultKeys.ValidationRmse]:F4}"), run.StandardOutput, StringComparison.Ordinal);
        var model = new FileInfo(result.Outputs[ResultKeys.ModelFile]);
        Assert.True(model.Exists, $"no model file at '{model.FullName}'");
        Assert.StartsWith(workspace.Path, model.FullName, StringComparison.Ordinal);
        Assert.True(model.Length > 0);
    }

    [Fact]
    public async Task Script_without_any_data_says_what_to_do_and_fails()
    {
        var emptyFolder = Directory.CreateTempSubdirectory("level0-no-data-").FullName;
        try
        {
            // Run from an empty folder so neither data/ nor data/synthetic/ can be found.
            var run = await ScriptRun.DotnetRunAsync(
                Script, emptyFolder, new Dictionary<string, string?> { [RealData.VariableName] = emptyFolder });

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("green_tripdata_2021-01.parquet", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("TAXI_DATA_DIR", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("--target=Data", run.StandardError, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(emptyFolder, "artifacts")), "no model may be written without data");
        }
        finally
        {
            Directory.Delete(emptyFolder, recursive: true);
        }
    }
}
