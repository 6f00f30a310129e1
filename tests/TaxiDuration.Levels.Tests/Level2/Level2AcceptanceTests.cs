using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaxiDuration.Reporting.Results;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Level 2 acceptance: train → register → a person promotes → the service, on (re)start, serves exactly that
/// registry version; and a pipeline killed mid-run leaves the store consistent.
/// </summary>
public sealed class Level2AcceptanceTests
{
    private static readonly object Ride = new { PULocationID = 43, DOLocationID = 151, trip_distance = 1.01 };

    [Fact]
    public async Task The_service_serves_the_promoted_version_and_a_new_champion_only_after_a_restart()
    {
        using var workspace = new LevelWorkspace();

        var first = await workspace.CliAsync(workspace.QuickTrain());
        Assert.True(first.ExitCode == 0, first.Transcript);
        Assert.Equal("taxi-duration/1", workspace.RegisteredVersion());
        Assert.All(RunResult.Load(workspace.ResultPath).Data, month => Assert.Equal("Synthetic", month.Origin));

        // Registered is not promoted: with no champion the service refuses to start, and says why.
        await using (var unpromoted = workspace.StartService())
        {
            Assert.NotEqual(0, await unpromoted.WaitForExitAsync());
            Assert.Contains("champion", unpromoted.Output, StringComparison.Ordinal);
        }

        var promote = await workspace.CliAsync("promote", "--version", "1", "--reason", "acceptance: first model");
        Assert.True(promote.ExitCode == 0, promote.Transcript);

        await using (var service = workspace.StartService())
        {
            Assert.True(await service.WaitUntilReadyAsync(), service.Output);
            Assert.Equal("taxi-duration/1", await PredictedVersionAsync(service));

            // A second run registers version 2 and a person promotes it, but this service keeps serving version 1:
            // at level 2 the champion is read at start.
            var second = await workspace.CliAsync(workspace.QuickTrain());
            Assert.True(second.ExitCode == 0, second.Transcript);
            Assert.Equal("taxi-duration/2", workspace.RegisteredVersion());
            Assert.True((await workspace.CliAsync("promote", "--version", "2", "--reason", "acceptance: retrained")).ExitCode == 0);
            Assert.Equal("taxi-duration/1", await PredictedVersionAsync(service));
        }

        await using (var restarted = workspace.StartService())
        {
            Assert.True(await restarted.WaitUntilReadyAsync(), restarted.Output);
            Assert.Equal("taxi-duration/2", await PredictedVersionAsync(restarted));
        }

        var registry = workspace.OpenStore().Registry;
        var history = registry.GetAliasHistory("taxi-duration").Where(change => change.Alias == RegistryAliases.Champion);
        Assert.Equal(["acceptance: first model", "acceptance: retrained"], history.Select(change => change.Reason));
        // The replaced champion is kept for a one-command rollback.
        Assert.Equal(1, registry.GetModelVersionByAlias("taxi-duration", RegistryAliases.PreviousChampion).Version);
        var models = await workspace.CliAsync("models");
        Assert.True(models.ExitCode == 0, models.Transcript);
        Assert.Contains("acceptance: retrained", models.StandardOutput, StringComparison.Ordinal);
    }

    [ReadOnlyMountFact]
    public async Task The_service_serves_its_champion_from_a_store_mounted_read_only()
    {
        using var workspace = new LevelWorkspace();
        Assert.True((await workspace.CliAsync(workspace.QuickTrain())).ExitCode == 0);
        Assert.True((await workspace.CliAsync("promote", "--version", "1", "--reason", "acceptance: read-only serving")).ExitCode == 0);
        using var mount = ReadOnlyMount.Of(workspace.Environment[TrackingStoreOptions.DirectoryVariable]!);

        await using var service = RunningService.Start(workspace.ApiDll, new Dictionary<string, string?> { [TrackingStoreOptions.DirectoryVariable] = mount.Path });

        Assert.True(await service.WaitUntilReadyAsync(), service.Output);
        Assert.Equal("taxi-duration/1", await PredictedVersionAsync(service));
    }

    [Fact]
    public async Task A_pipeline_killed_mid_run_leaves_a_failed_run_and_no_version()
    {
        using var workspace = new LevelWorkspace();
        // Its working folder inside the workspace, so whatever the killed process left there goes with the workspace.
        var workingFolder = Directory.CreateDirectory(workspace.File("killed-run")).FullName;
        using (var training = ScriptRun.Start(
            workingFolder,
            workspace.Environment,
            [workspace.TrainingDll, "train", "--candidates", "linear,lightgbm", "--trials", "40", "--test", "none", "--allow-synthetic", "--offline"]))
        {
            // Kill it the hard way once the first fit is tracked: in the middle of candidates and search.
            await WaitUntilAsync(() => workspace.OpenStore().Tracker.SearchRuns(new RunQuery()).Any(run => run.Info.ParentRunId is not null && run.Info.Status == RunStatus.Finished), training);
            training.Kill(entireProcessTree: true);
            await training.WaitForExitAsync();
        }

        var runs = await workspace.CliAsync("runs");
        Assert.True(runs.ExitCode == 0, runs.Transcript);

        var store = workspace.OpenStore();
        var pipelineRun = store.Tracker.SearchRuns(new RunQuery { TopLevelOnly = true }).Single();
        Assert.Equal(RunStatus.Failed, pipelineRun.Info.Status);
        Assert.True(pipelineRun.Tags.ContainsKey(TrackingTags.FailureReason));
        Assert.Contains("FAILED", runs.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(store.Registry.ListRegisteredModels(), model => store.Registry.SearchModelVersions(model.Name).Count > 0);

        // The store is still usable: the next run registers version 1, not a number skipped by the killed run.
        var next = await workspace.CliAsync(workspace.QuickTrain());
        Assert.True(next.ExitCode == 0, next.Transcript);
        Assert.Equal("taxi-duration/1", workspace.RegisteredVersion());
    }

    [PostgresFact]
    public async Task On_a_PostgreSQL_store_the_same_commands_train_promote_and_serve_and_no_SQLite_file_is_made()
    {
        using var database = new FreshDatabase();
        using var workspace = new LevelWorkspace(postgres: database.ConnectionString);

        var train = await workspace.CliAsync(workspace.QuickTrain());
        Assert.True(train.ExitCode == 0, train.Transcript);
        var promote = await workspace.CliAsync("promote", "--version", "1", "--reason", "acceptance: on the server store");
        Assert.True(promote.ExitCode == 0, promote.Transcript);
        await using (var service = workspace.StartService())
        {
            Assert.True(await service.WaitUntilReadyAsync(), service.Output);
            Assert.Equal("taxi-duration/1", await PredictedVersionAsync(service));
        }

        var folder = workspace.Environment[TrackingStoreOptions.DirectoryVariable]!;
        Assert.False(File.Exists(Path.Combine(folder, TrackingStoreOptions.DatabaseFileName)), "the SQLite store was created beside the server store");
        using var store = PostgresTrackingStore.Open(new PostgresTrackingOptions
        {
            ConnectionString = database.ConnectionString,
            ArtifactRoot = Path.Combine(folder, "artifacts"),
            ReadOnly = true,
        });
        var champion = store.Registry.GetModelVersionByAlias("taxi-duration", RegistryAliases.Champion);
        Assert.Equal(1, champion.Version);
        Assert.Equal(["acceptance: on the server store"], store.Registry.GetAliasHistory("taxi-duration").Select(change => change.Reason));
        // The artifact the service loaded lives in the shared folder, named by its hash.
        Assert.True(File.Exists(Path.Combine(folder, "artifacts", "sha256", champion.ArtifactSha256[..2], champion.ArtifactSha256)), champion.ArtifactSha256);
    }

    private static async Task<string> PredictedVersionAsync(RunningService service)
    {
        using var response = await service.Client.PostAsJsonAsync(new Uri("/predict", UriKind.Relative), Ride);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("duration").GetDouble() > 0);
        return body.RootElement.GetProperty("model_version").GetString()!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!Safely(condition))
        {
            Assert.False(process.HasExited, "the pipeline finished before it could be killed");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "no trial was tracked within 3 minutes");
            await Task.Delay(200);
        }
    }

    // The store may not exist yet while the process starts.
    private static bool Safely(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }
}
