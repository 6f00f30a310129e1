using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// A service that cannot start says why in one line naming the file, and exits 1: no SIGABRT (134), no stack dump,
/// so an orchestrator's log shows the cause and a person can fix it.
/// </summary>
public sealed class Level1StartupFailureTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public static TheoryData<string, string> BrokenModels => new()
    {
        { "missing", "does not exist" },
        { "corrupt", "not a valid taxi-duration model" },
    };

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public async Task A_level_1_service_with_a_broken_model_file_exits_1_with_one_line_naming_it(string kind, string expected)
    {
        var model = folder.File($"{kind}.zip");
        if (kind == "corrupt")
        {
            await File.WriteAllBytesAsync(model, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
        }

        var failure = await ServiceStartup.StartAndFailAsync(BuiltHost.Dll("level1", "Api"), new Dictionary<string, string?> { ["Model__Path"] = model });

        Assert.Contains(model, failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_1_service_without_a_model_path_exits_1_naming_the_setting()
    {
        var failure = await ServiceStartup.StartAndFailAsync(BuiltHost.Dll("level1", "Api"), new Dictionary<string, string?> { ["Model__Path"] = "" });

        Assert.Contains("Model:Path", failure, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
