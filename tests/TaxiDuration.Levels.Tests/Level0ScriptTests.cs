using System.Globalization;
using System.Text.RegularExpressions;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>Level 0 acceptance: the notebook-style script, run as a user runs it, reproduces the course numbers.</summary>
public sealed partial class Level0ScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "levels", "level0", "duration-prediction.cs");

    [RealDataFact("2021-01", "2021-02")]
    public async Task Script_on_real_january_and_february_2021_matches_the_course_rows_and_rmse()
    {
        var startedAt = TimeProvider.System.GetUtcNow();

        var run = await ScriptRun.DotnetRunAsync(
            Script, RepositoryRoot.Path, new Dictionary<string, string?> { [RealData.VariableName] = RealData.Directory });

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Contains($"data: real ({RealData.Directory})", run.StandardOutput, StringComparison.Ordinal);
        var rows = RowsKept().Match(run.StandardOutput);
        Assert.True(rows.Success, run.StandardOutput);
        Assert.Equal("73,908", rows.Groups["train"].Value);
        Assert.Equal("61,921", rows.Groups["validation"].Value);
        var rmse = ValidationRmse().Match(run.StandardOutput);
        Assert.True(rmse.Success, run.StandardOutput);
        Assert.InRange(double.Parse(rmse.Groups["rmse"].Value, CultureInfo.InvariantCulture), 7.40, 7.80);
        var model = new FileInfo(ModelFile().Match(run.StandardOutput).Groups["path"].Value);
        Assert.True(model.Exists, $"no model file at '{model.FullName}'");
        Assert.True(model.LastWriteTimeUtc >= startedAt.UtcDateTime.AddSeconds(-1), "the model file was not written by this run");
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

    [GeneratedRegex(@"^rows kept: train (?<train>[\d,]+), validation (?<validation>[\d,]+)$", RegexOptions.Multiline)]
    private static partial Regex RowsKept();

    [GeneratedRegex(@"^validation RMSE: (?<rmse>[\d.]+)$", RegexOptions.Multiline)]
    private static partial Regex ValidationRmse();

    [GeneratedRegex(@"^model file: (?<path>.+)$", RegexOptions.Multiline)]
    private static partial Regex ModelFile();
}
