using TaxiDuration.Data.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Every tool follows one convention: a wrong command line is exit 2 naming the option, the value and the valid
/// choices, before anything is read or written; and real data is never silently replaced by generated data.
/// </summary>
public sealed class CommandLineConventionTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public static TheoryData<string, string[], string[]> WrongCommandLines => new()
    {
        { "level2", ["train", "--train", "2024-13"], ["--train", "2024-13"] },
        { "level2", ["train", "--validation", "2021-01", "--test", "none"], ["--train and --validation are both green 2021-01"] },
        { "level2", ["train", "--candidates", "xgb"], ["--candidates", "xgb", "linear, fasttree, lightgbm"] },
        { "level2", ["train", "--trials", "-3"], ["--trials -3"] },
        { "level2", ["promote", "--version", "0", "--reason", "x"], ["--version 0"] },
        { "level2", ["promote", "--version", "2", "--reason", " "], ["--reason"] },
        { "level2", ["copy-tracking-store", "--to", "Hots=db"], ["--to is not a PostgreSQL connection string"] },
        { "level3", ["copy-tracking-store", "--to", "Hots=db"], ["--to is not a PostgreSQL connection string"] },
        { "level4", ["copy-tracking-store", "--to", "Hots=db"], ["--to is not a PostgreSQL connection string"] },
        { "level1", ["--features", "fancy"], ["--features", "fancy", "course", "rich"] },
        { "level1", ["--model", "xgb"], ["--model", "xgb", "lightgbm"] },
        { "level1", ["--train", "2024-02", "--validation", "2024-02"], ["--train and --validation are both green 2024-02"] },
    };

    [Theory]
    [MemberData(nameof(WrongCommandLines))]
    public async Task A_wrong_command_line_is_exit_2_naming_what_is_wrong_and_touches_nothing(string level, string[] arguments, string[] expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["TAXI_TRACKING_DIR"] = folder.File("tracking"),
            ["TAXI_DATA_DIR"] = folder.File("data"),
        };

        var run = await ScriptRun.DotnetAsync(folder.Path, environment, [BuiltHost.Dll(level, "Training"), .. arguments]);

        Assert.True(run.ExitCode == 2, run.Transcript);
        foreach (var text in expected)
        {
            Assert.Contains(text, run.StandardError, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Transcript, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task Browsing_a_mistyped_store_is_an_error_not_a_new_empty_store()
    {
        var run = await ScriptRun.DotnetAsync(
            folder.Path, new Dictionary<string, string?> { ["TAXI_TRACKING_DIR"] = folder.File("trakcing") }, [BuiltHost.Dll("level2", "Training"), "models"]);

        Assert.True(run.ExitCode == 1, run.Transcript);
        Assert.Contains("does not exist", run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("trakcing")));
    }

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
