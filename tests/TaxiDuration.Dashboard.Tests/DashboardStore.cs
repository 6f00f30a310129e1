using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Dashboard.Tests;

/// <summary>A real SQLite store with what the dashboard reads: versions of a model, alias moves, gate decisions, loop windows.</summary>
internal sealed class DashboardStore : IDisposable
{
    public const string Model = "taxi-duration";
    public const string LoopExperiment = "taxi-duration-level4";
    private readonly TemporaryFolder folder = new();

    public DashboardStore()
    {
        Store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = folder.File("tracking.db") });
    }

    public TrackingStore Store { get; }

    public string Folder => folder.Path;

    /// <summary>Registers <paramref name="count"/> versions, each from a run with a (tiny) artifact.</summary>
    public void RegisterVersions(int count)
    {
        var tracker = Store.Tracker;
        for (var index = 1; index <= count; index++)
        {
            var run = tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("taxi").ExperimentId, "train")).RunId;
            var file = folder.File($"model-{index}.zip");
            File.WriteAllText(file, $"model {index}");
            var artifact = tracker.LogArtifact(run, file, "model/model.zip");
            Store.Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "pu_do+distance"));
        }
    }

    /// <summary>A finished monitoring window as the loop records it (the run's shape is LoopTracking's).</summary>
    public void RecordWindow(string window, double driftScore, IReadOnlyDictionary<string, double> featureDrift, double? estimated, double actual, string action, params string[] events)
    {
        var tracker = Store.Tracker;
        var run = tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment(LoopExperiment).ExperimentId, $"monitor {window}")).RunId;
        var now = DateTimeOffset.UtcNow;
        List<Metric> metrics = [new("drift_score", driftScore, 0, now), new("rmse.level_4", actual, 0, now), .. featureDrift.Select(pair => new Metric($"drift_ratio.{pair.Key}", pair.Value, 0, now))];
        if (estimated is { } value)
        {
            metrics.Add(new("estimated_rmse", value, 0, now));
        }

        tracker.LogBatch(run, new RunBatch
        {
            Metrics = metrics,
            Params = new Dictionary<string, string> { ["window"] = window },
            Tags = new Dictionary<string, string>
            {
                ["action"] = action,
                ["trigger"] = action == "Quiet" ? "None" : "Drift",
                ["suppression"] = "",
                ["explanation"] = $"{action} on {window}",
                ["events"] = string.Join(" | ", events),
            },
        });
        tracker.UpdateRun(run, RunStatus.Finished);
    }

    public void Dispose() => folder.Dispose();
}
