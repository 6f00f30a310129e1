using TaxiDuration.Data.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// The data tool every level fetches its months with: real data is never silently replaced by generated data.
/// </summary>
public sealed class DataToolTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task The_data_tool_never_stands_in_generated_data_for_a_missing_real_month_unless_asked()
    {
        // TAXI_DATA_DIR holds one month (a real-shaped file); the next month is missing and the tool is offline.
        var data = folder.File("tlc");
        Directory.CreateDirectory(data);
        var april = TaxiMonth.Parse("green 2024-04");
        await new SyntheticMonthGenerator().WriteAsync(april, Path.Combine(data, april.FileName), new SyntheticMonthOptions { Rows = 2_000 });
        var before = Directory.GetFiles(data, "*", SearchOption.AllDirectories);

        var run = await ScriptRun.DotnetAsync(
            folder.Path, new Dictionary<string, string?> { ["TAXI_DATA_DIR"] = data },
            [BuiltHost.BuildTool("TaxiDuration.DataTool"), "--months", "2024-04,2024-05", "--offline", "--report-dir", folder.File("reports")]);

        Assert.True(run.ExitCode == 3, run.Transcript);
        Assert.Contains("--allow-synthetic", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(data, "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(folder.File("data/synthetic")), "no synthetic month may be written without --allow-synthetic");
    }

    [Fact]
    public async Task Asked_for_synthetic_data_the_data_tool_writes_it_beside_the_repository_never_into_the_real_data_folder()
    {
        var data = folder.File("tlc");
        Directory.CreateDirectory(data);

        var run = await ScriptRun.DotnetAsync(
            folder.Path, new Dictionary<string, string?> { ["TAXI_DATA_DIR"] = data, ["Data__Synthetic__Rows"] = "2000" },
            [BuiltHost.BuildTool("TaxiDuration.DataTool"), "--months", "2024-05", "--offline", "--allow-synthetic", "--report-dir", folder.File("reports")]);

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Contains("SYNTHETIC", run.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(data, "*", SearchOption.AllDirectories));
        Assert.NotEmpty(Directory.GetFiles(folder.File("data/synthetic"), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_data_tool_explains_itself()
    {
        var run = await ScriptRun.DotnetAsync(folder.Path, new Dictionary<string, string?>(), [BuiltHost.BuildTool("TaxiDuration.DataTool"), "--help"]);

        Assert.True(run.ExitCode == 0, run.Transcript);
        Assert.Contains("--allow-synthetic", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--months", run.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
