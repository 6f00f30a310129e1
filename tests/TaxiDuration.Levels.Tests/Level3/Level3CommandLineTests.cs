using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>Level 3's tools refuse a wrong command line with exit 2, naming what is wrong, touching nothing.</summary>
public sealed class Level3CommandLineTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public static TheoryData<string, string[], string[]> WrongCommandLines => new()
    {
        { "level3", ["copy-tracking-store", "--to", "Hots=db"], ["--to is not a PostgreSQL connection string"] },
    };

    [Theory]
    [MemberData(nameof(WrongCommandLines))]
    public Task A_wrong_command_line_is_exit_2_naming_what_is_wrong_and_touches_nothing(string level, string[] arguments, string[] expected) =>
        WrongCommandLine.AssertRefusedAsync(folder, level, arguments, expected);

    public void Dispose() => folder.Dispose();
}
