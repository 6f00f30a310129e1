using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// A service that cannot start says why in one line naming the file, and exits 1: no SIGABRT (134), no stack dump,
/// so an orchestrator's log shows the cause and a person can fix it.
/// </summary>
public sealed class StartupFailureTests : IDisposable
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

        var failure = await StartAndFailAsync(BuiltHost.Dll("level1", "Api"), new Dictionary<string, string?> { ["Model__Path"] = model });

        Assert.Contains(model, failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_1_service_without_a_model_path_exits_1_naming_the_setting()
    {
        var failure = await StartAndFailAsync(BuiltHost.Dll("level1", "Api"), new Dictionary<string, string?> { ["Model__Path"] = "" });

        Assert.Contains("Model:Path", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_2_service_on_a_file_that_is_not_a_store_exits_1_naming_it()
    {
        Directory.CreateDirectory(folder.File("tracking"));
        await File.WriteAllTextAsync(folder.File("tracking/tracking.db"), "this is not a database, it only has the store's name");

        var failure = await StartAndFailAsync(BuiltHost.Dll("level2", "Api"), new Dictionary<string, string?> { ["TAXI_TRACKING_DIR"] = folder.File("tracking") });

        Assert.Contains(folder.File("tracking/tracking.db"), failure, StringComparison.Ordinal);
        Assert.Contains("not a SQLite tracking store", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_2_service_pointed_at_no_store_exits_1_and_creates_none()
    {
        var mistyped = folder.File("trakcing");

        var failure = await StartAndFailAsync(BuiltHost.Dll("level2", "Api"), new Dictionary<string, string?> { ["TAXI_TRACKING_DIR"] = mistyped });

        Assert.Contains("does not exist", failure, StringComparison.Ordinal);
        Assert.False(Directory.Exists(mistyped), "a service must never create an empty store");
    }

    [Fact]
    public async Task A_level_2_service_whose_champion_file_was_tampered_with_after_registration_refuses_it_and_exits_1()
    {
        using var workspace = new LevelWorkspace("level2");
        await workspace.TrainFirstChampionAsync("startup test");
        var artifact = workspace.OpenStore().Registry.ResolveArtifact(Tracking.ModelUri.Parse("taxi-duration@champion")).FilePath;
        await File.AppendAllTextAsync(artifact, "tampered after registration");

        var failure = await StartAndFailAsync(workspace.ApiDll, workspace.Environment);

        Assert.Contains(artifact, failure, StringComparison.Ordinal);
        Assert.Contains("fails its integrity check", failure, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>
    /// Starts the host, expects it to exit by itself, and returns what it said on standard error: exactly one line,
    /// no unhandled-exception dump. (Standard output carries the JSON log, where the exception is kept for whoever
    /// investigates.)
    /// </summary>
    private static async Task<string> StartAndFailAsync(string hostDll, IReadOnlyDictionary<string, string?> environment)
    {
        await using var service = RunningService.Start(hostDll, environment);
        var exitCode = await service.WaitForExitAsync();

        Assert.True(exitCode == 1, $"exit code {exitCode}, expected 1:\n{service.Output}");
        var errors = service.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(errors.Length == 1, $"expected one line on standard error:\n{service.Errors}");
        Assert.StartsWith("error: ", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", service.Output, StringComparison.Ordinal);
        return errors[0];
    }
}
