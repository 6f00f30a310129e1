using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.Tests;

/// <summary>
/// A SQLite store holding one of everything a copy must carry, written through the public API the way training,
/// the gate and a person write it: nested runs in every status with params, metric histories (NaN and repeated steps
/// included), tags, artifacts and data fingerprints; two models, promotions, a rollback's alias moves and decisions.
/// </summary>
internal sealed class SampleSqliteStore
{
    public const string Model = "taxi-duration";

    /// <summary>A trainer on another machine: the copy must keep who owned each run, not stamp this process.</summary>
    public static readonly RunOwner Trainer = new("trainer-7", 4242, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

    private SampleSqliteStore(TrackingStore store) => Store = store;

    public TrackingStore Store { get; }

    public TrackingStoreOptions Options => new() { DatabasePath = Store.DatabasePath };

    /// <summary>The store in <paramref name="folder"/>'s <c>tracking/</c>, as a host's default tracking folder.</summary>
    public static SampleSqliteStore Create(TemporaryFolder folder)
    {
        var store = new SampleSqliteStore(TrackingStore.Open(
            new TrackingStoreOptions { DatabasePath = folder.File(Path.Combine("tracking", TrackingStoreOptions.DatabaseFileName)) },
            ownership: new FixedOwnership()));
        store.Fill(folder);
        return store;
    }

    private void Fill(TemporaryFolder folder)
    {
        var (tracker, registry) = (Store.Tracker, Store.Registry);
        tracker.GetOrCreateExperiment("scratch");
        var experiment = tracker.GetOrCreateExperiment("taxi-duration").ExperimentId;
        var parent = tracker.CreateRun(new NewRun(experiment, "search") { GitCommit = "abc123", Tags = new Dictionary<string, string> { ["trigger"] = "manual" } });
        var best = tracker.CreateRun(new NewRun(experiment, "lightgbm") { ParentRunId = parent.RunId });
        var worse = tracker.CreateRun(new NewRun(experiment, "linear") { ParentRunId = parent.RunId });
        var abandoned = tracker.CreateRun(new NewRun(experiment, "killed mid-run"));
        foreach (var (run, rmse) in new[] { (best, 4.2), (worse, 6.9) })
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_000);
            tracker.LogBatch(run.RunId, new RunBatch
            {
                Params = new Dictionary<string, string> { ["learning_rate"] = "0.1", ["features"] = "rich" },
                Tags = new Dictionary<string, string> { ["candidate"] = run.Name },
                // A history, not just a latest value: steps out of order, a step logged twice, a NaN that must stay NaN.
                Metrics =
                [
                    new Metric("train_rmse", rmse + 2, 1, start), new Metric("train_rmse", rmse + 3, 0, start),
                    new Metric("train_rmse", rmse + 1, 1, start.AddSeconds(1)), new Metric("r2", double.NaN, 0, start),
                    new Metric("validation_rmse", rmse, 0, start.AddSeconds(2)),
                ],
            });
            tracker.LogDataFingerprint(run.RunId, new DataFingerprint("train", "green 2021-01", 76_518, "f00d"));
            tracker.LogDataFingerprint(run.RunId, new DataFingerprint("validation", "green 2021-02", 64_572, "beef"));
        }

        tracker.LogArtifact(best.RunId, folder.WriteFile("lightgbm/model.zip", "lightgbm model bytes"), "model/model.zip");
        tracker.LogArtifact(worse.RunId, folder.WriteFile("linear/model.zip", "linear model bytes"), "model/model.zip");
        tracker.LogArtifact(parent.RunId, folder.WriteFile("summary.md", "# search"), "summary.md");
        tracker.UpdateRun(best.RunId, RunStatus.Finished);
        tracker.UpdateRun(worse.RunId, RunStatus.Failed);
        tracker.UpdateRun(parent.RunId, RunStatus.Finished);
        tracker.SetTag(abandoned.RunId, "note", "left RUNNING, as a killed trainer leaves it");

        var linear = registry.CreateModelVersion(new NewModelVersion(Model, worse.RunId, "model/model.zip", "course")
        {
            Metrics = new Dictionary<string, double> { ["validation_rmse"] = 6.9 },
            DataMonths = ["green 2021-01"],
        });
        var lightgbm = registry.CreateModelVersion(new NewModelVersion(Model, best.RunId, "model/model.zip", "rich")
        {
            Metrics = new Dictionary<string, double> { ["validation_rmse"] = 4.2, ["test_rmse"] = 4.4 },
            DataMonths = ["green 2021-01", "green 2021-02"],
            Tags = new Dictionary<string, string> { ["trainer"] = "lightgbm" },
        });
        registry.PromoteChampion(Model, linear.Version, "first model", "alice", AliasPrecondition.Unset);
        registry.SetAlias(Model, "challenger", lightgbm.Version, "candidate", "gate");
        registry.RecordDecision(new NewDeploymentDecision(Model, lightgbm.Version, linear.Version, "green 2021-03", "promote", "better on unseen month", """{"rmse":4.3}""", "gate"));
        registry.PromoteChampion(Model, lightgbm.Version, "gate: promote", "gate", AliasPrecondition.PointsAt(linear.Version));
        registry.DeleteAlias(Model, "challenger", "promoted", "gate");
        registry.RecordDecision(new NewDeploymentDecision(Model, linear.Version, lightgbm.Version, "green 2021-04", "reject", "worse", "{}", "gate"));
        registry.CreateModelVersion(new NewModelVersion("zone-shift", best.RunId, "model/model.zip", "rich"));
    }

    private sealed class FixedOwnership : IRunOwnership
    {
        public RunOwner Current => Trainer;

        public bool IsAlive(RunOwner owner) => true;
    }
}
