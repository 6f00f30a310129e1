using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>Level 2's tools refuse a wrong command line with exit 2, naming what is wrong, touching nothing.</summary>
public sealed class Level2CommandLineTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public static TheoryData<string, string[], string[]> WrongCommandLines => new()
    {
        { "level2", ["train", "--train", "2024-13"], ["--train", "2024-13"] },
        { "level2", ["train", "--validation", "2021-01", "--test", "none"], ["--train and --validation are both green 2021-01"] },
        { "level2", ["train", "--candidates", "xgb"], ["--candidates", "xgb", "linear, fasttree, lightgbm"] },
        { "level2", ["train", "--trials", "-3"], ["--trials -3"] },
        { "level2", ["train", "--parallel-fits", "0"], ["--parallel-fits 0 is below 1"] },
        { "level2", ["promote", "--version", "0", "--reason", "x"], ["--version 0"] },
        { "level2", ["promote", "--version", "2", "--reason", " "], ["--reason"] },
        { "level2", ["copy-tracking-store", "--to", "Hots=db"], ["--to is not a PostgreSQL connection string"] },
    };

    [Theory]
    [MemberData(nameof(WrongCommandLines))]
    public Task A_wrong_command_line_is_exit_2_naming_what_is_wrong_and_touches_nothing(string level, string[] arguments, string[] expected) =>
        WrongCommandLine.AssertRefusedAsync(folder, level, arguments, expected);

    [Fact]
    public async Task Browsing_a_mistyped_store_is_an_error_not_a_new_empty_store()
    {
        var run = await ScriptRun.DotnetAsync(
            folder.Path, new Dictionary<string, string?> { ["TAXI_TRACKING_DIR"] = folder.File("trakcing") }, [BuiltHost.Dll("level2", "Training"), "models"]);

        Assert.True(run.ExitCode == 1, run.Transcript);
        Assert.Contains("does not exist", run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("trakcing")));
    }

    public void Dispose() => folder.Dispose();
}
