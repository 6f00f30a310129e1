using System.Diagnostics;
using System.Text.Json;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;
using TaxiDuration.Trips;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Level 4 acceptance, as real processes: the replay's champion answers through the running level-3 service and each
/// promotion the loop makes reaches it; a monitor killed with SIGKILL in the middle of a retrain leaves a consistent
/// store, and the next cycle settles what it left and finishes the job.
/// </summary>
public sealed class Level4AcceptanceTests
{
    private const string Model = "taxi-duration";

    // The loop's experiment, as `runs --experiment taxi-duration-level4` lists it.
    private const string LoopExperiment = "taxi-duration-level4";

    // A lockdown keeps about 45 % of a month's trips: 50,000 rows leave more than the 20,000 new labels a retrain needs.
    private const int Rows = 50_000;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_replay_sends_its_traffic_through_the_level_3_service_and_the_loops_promotion_is_served_by_it()
    {
        using var workspace = new LevelWorkspace("level4");
        await WriteMonthsAsync(workspace, ("2021-01", SyntheticScenario.None), ("2021-02", SyntheticScenario.Lockdown), ("2021-03", SyntheticScenario.Lockdown));
        var address = RunningService.FreeAddress();

        // The replay creates the store; the service, which only reads one, starts once it exists (as the Level4 target does).
        using var replay = ScriptRun.Start(workspace.File("."), workspace.Environment,
        [
            workspace.TrainingDll, "replay-loop", "--months", "2021-01", "2021-02", "2021-03", "--service", address.ToString(),
            "--out", workspace.File("level4"), "--result", workspace.ResultPath, "--offline",
        ]);
        var output = replay.StandardOutput.ReadToEndAsync();
        var errors = replay.StandardError.ReadToEndAsync();
        await WaitUntilAsync(() => File.Exists(workspace.File("tracking/tracking.db")) || replay.HasExited, "the replay to create its store");
        await using var service = workspace.StartService(address);
        using (var timeout = new CancellationTokenSource(Patience))
        {
            await replay.WaitForExitAsync(timeout.Token);
        }

        var transcript = $"{await output}\n{await errors}\nservice:\n{service.Output}";
        Assert.True(replay.ExitCode == 0, transcript);
        var store = workspace.OpenStore();
        var champion = store.Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion);
        Assert.Equal(2, champion.Version);
        Assert.All(store.Registry.GetAliasHistory(Model), change => Assert.Equal("loop", change.Actor));
        var decision = Assert.Single(store.Registry.GetDecisions(Model));
        Assert.Equal(("Promote", 2, "loop"), (decision.Verdict, decision.CandidateVersion, decision.Actor));

        // The service still answers with the loop's champion, and the month after the promotion was served by it.
        using var status = JsonDocument.Parse(await service.Client.GetStringAsync(new Uri("/model", UriKind.Relative)));
        Assert.Equal(champion.Uri, status.RootElement.GetProperty("variants")[0].GetProperty("model_version").GetString());
        var afterPromotion = WindowRun(store, "green 2021-03");
        Assert.Contains($"served over HTTP by {champion.Uri}", afterPromotion.Tags["events"], StringComparison.Ordinal);
        var result = RunResult.Load(workspace.ResultPath);
        Assert.Equal(2, result.Metrics["promotions_served"]);
        Assert.All(new[] { "2021-02", "2021-03" }, month => Assert.True(File.Exists(workspace.File($"level4/labels/{month}.parquet")), month));
        Assert.NotEmpty(Directory.GetFiles(workspace.File("predictions"), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_monitor_killed_mid_retrain_leaves_the_store_consistent_and_the_next_cycle_settles_it_and_promotes()
    {
        using var workspace = new LevelWorkspace("level4");
        await WriteMonthsAsync(workspace, ("2021-01", SyntheticScenario.None), ("2021-02", SyntheticScenario.None), ("2021-03", SyntheticScenario.Lockdown));
        var trained = await workspace.CliAsync(
            "train", "--candidates", "lightgbm", "--trials", "0", "--test", "none", "--offline", "--result", workspace.ResultPath);
        Assert.True(trained.ExitCode == 0, trained.Transcript);
        var promoted = await workspace.CliAsync("promote", "--version", "1", "--reason", "acceptance: first champion");
        Assert.True(promoted.ExitCode == 0, promoted.Transcript);

        // Killed as soon as the retrain's run exists: its candidates are being fitted.
        using (var monitor = StartMonitor(workspace))
        {
            var output = monitor.StandardOutput.ReadToEndAsync();
            await WaitUntilAsync(() => RunningLoopRuns(BrowseStore(workspace)).Count > 0 || monitor.HasExited, "the retrain to start", pollMilliseconds: 10);
            if (monitor.HasExited)
            {
                Assert.Fail($"the cycle ended before it could be killed mid-retrain:\n{await output}");
            }

            monitor.Kill();
            await monitor.WaitForExitAsync();
        }

        var store = workspace.OpenStore();
        var killed = Assert.Single(RunningLoopRuns(store));
        AssertConsistent(store);
        Assert.Equal(1, store.Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);

        var next = await ScriptRun.DotnetAsync(workspace.File("."), workspace.Environment, [BuiltHost.Dll("level4", "Monitor"), "--once"]);

        Assert.True(next.ExitCode == 0, next.Transcript);
        store = workspace.OpenStore();
        var settled = store.Tracker.GetRun(killed.Info.RunId);
        Assert.Equal(RunStatus.Failed, settled.Info.Status);
        Assert.StartsWith("abandoned", settled.Tags[TrackingTags.FailureReason], StringComparison.Ordinal);
        var champion = store.Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion);
        Assert.True(champion.Version > 1, "the next cycle should have retrained, gated and promoted");
        Assert.Contains("green 2021-03", champion.DataMonths);
        Assert.Single(store.Registry.GetAliasHistory(Model), change => change.Actor == "loop" && change.Alias == RegistryAliases.Champion);
        Assert.Equal("Retrain", WindowRun(store, "green 2021-03").Tags["action"]);
        AssertConsistent(store);
    }

    // The store as a person browsing it while the monitor works opens it: read-only, afresh for each look.
    private static TrackingStore BrowseStore(LevelWorkspace workspace) =>
        TrackingStore.Open(new TrackingStoreOptions { DatabasePath = workspace.File("tracking/tracking.db"), Access = TrackingStoreAccess.ReadOnly });

    private static Process StartMonitor(LevelWorkspace workspace) =>
        ScriptRun.Start(workspace.File("."), workspace.Environment, [BuiltHost.Dll("level4", "Monitor"), "--once"]);

    // Every registered version's artifact still matches the hash recorded at registration, and the champion resolves.
    private static void AssertConsistent(TrackingStore store)
    {
        foreach (var version in store.Registry.SearchModelVersions(Model))
        {
            var artifact = store.Registry.ResolveArtifact(ModelUri.ForVersion(Model, version.Version));
            Assert.True(File.Exists(artifact.FilePath), $"{version.Uri}: {artifact.FilePath} is missing");
        }

        Assert.NotNull(store.Registry.ResolveArtifact(ModelUri.Parse($"{Model}@{RegistryAliases.Champion}")));
    }

    private static IReadOnlyList<Run> RunningLoopRuns(TrackingStore store) =>
        store.Tracker.GetExperimentByName(LoopExperiment) is { } experiment
            ? store.Tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], Status = RunStatus.Running })
            : [];

    // The one finished monitoring run of a window: a window is looked at once.
    private static Run WindowRun(TrackingStore store, string window) =>
        Assert.Single(
            store.Tracker.SearchRuns(new RunQuery { ExperimentIds = [store.Tracker.GetExperimentByName(LoopExperiment)!.ExperimentId], Status = RunStatus.Finished }),
            run => run.Params.GetValueOrDefault("window") == window);

    private static async Task WriteMonthsAsync(LevelWorkspace workspace, params (string Month, SyntheticScenario Scenario)[] months)
    {
        for (var i = 0; i < months.Length; i++)
        {
            var month = TaxiMonth.Parse("green " + months[i].Month);
            await new SyntheticMonthGenerator().WriteAsync(
                month, Path.Combine(workspace.File("data"), month.FileName), new SyntheticMonthOptions { Rows = Rows, Seed = 40 + i, Scenario = months[i].Scenario });
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, int pollMilliseconds = 50)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"waited {Patience} for {what}");
            }

            await Task.Delay(pollMilliseconds);
        }
    }
}
