using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>Level 1's tools refuse a wrong command line with exit 2, naming what is wrong, touching nothing.</summary>
public sealed class Level1CommandLineTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public static TheoryData<string, string[], string[]> WrongCommandLines => new()
    {
        { "level1", ["--features", "fancy"], ["--features", "fancy", "course", "rich"] },
        { "level1", ["--model", "xgb"], ["--model", "xgb", "lightgbm"] },
        { "level1", ["--train", "2024-02", "--validation", "2024-02"], ["--train and --validation are both green 2024-02"] },
    };

    [Theory]
    [MemberData(nameof(WrongCommandLines))]
    public Task A_wrong_command_line_is_exit_2_naming_what_is_wrong_and_touches_nothing(string level, string[] arguments, string[] expected) =>
        WrongCommandLine.AssertRefusedAsync(folder, level, arguments, expected);

    public void Dispose() => folder.Dispose();
}
