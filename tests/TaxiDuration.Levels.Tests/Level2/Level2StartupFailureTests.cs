using TaxiDuration.TestSupport;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// A service that cannot start says why in one line naming the file, and exits 1: no SIGABRT (134), no stack dump,
/// so an orchestrator's log shows the cause and a person can fix it.
/// </summary>
public sealed class Level2StartupFailureTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task A_level_2_service_on_a_file_that_is_not_a_store_exits_1_naming_it()
    {
        Directory.CreateDirectory(folder.File("tracking"));
        await File.WriteAllTextAsync(folder.File("tracking/tracking.db"), "this is not a database, it only has the store's name");

        var failure = await ServiceStartup.StartAndFailAsync(BuiltHost.Dll("level2", "Api"), new Dictionary<string, string?> { ["TAXI_TRACKING_DIR"] = folder.File("tracking") });

        Assert.Contains(folder.File("tracking/tracking.db"), failure, StringComparison.Ordinal);
        Assert.Contains("not a SQLite tracking store", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_2_service_pointed_at_no_store_exits_1_and_creates_none()
    {
        var mistyped = folder.File("trakcing");

        var failure = await ServiceStartup.StartAndFailAsync(BuiltHost.Dll("level2", "Api"), new Dictionary<string, string?> { ["TAXI_TRACKING_DIR"] = mistyped });

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

        var failure = await ServiceStartup.StartAndFailAsync(workspace.ApiDll, workspace.Environment);

        Assert.Contains(artifact, failure, StringComparison.Ordinal);
        Assert.Contains("fails its integrity check", failure, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
