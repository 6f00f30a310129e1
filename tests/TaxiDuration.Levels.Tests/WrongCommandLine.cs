using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Every tool follows one convention: a wrong command line is exit 2 naming the option, the value and the valid
/// choices, before anything is read or written. Each level's tests bring their own wrong command lines.
/// </summary>
internal static class WrongCommandLine
{
    public static async Task AssertRefusedAsync(TemporaryFolder folder, string level, string[] arguments, string[] expected)
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
}
