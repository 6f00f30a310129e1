using BenchmarkDotNet.Attributes;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Benchmarks;

/// <summary>
/// What a level-2 trial costs the tracking store, per backend: create a run, log 8 params and 20 metric steps,
/// finish it; once call by call and once as one batch. The embedded SQLite store always; PostgreSQL when
/// TAXI_POSTGRES names a server (each run of the benchmark in a schema of its own).
/// </summary>
[MemoryDiagnoser]
public class RunLoggingBenchmarks
{
    private const int Params = 8;
    private const int Steps = 20;
    private string folder = "";
    private IDisposable? store; // the PostgreSQL store holds a connection pool; the SQLite store opens per call
    private IExperimentTracker tracker = null!;
    private string experimentId = "";

    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "sqlite";

    public static IEnumerable<string> Backends() =>
        Environment.GetEnvironmentVariable("TAXI_POSTGRES") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("run-logging-").FullName;
        if (Backend == "postgres")
        {
            var schema = $"bench_{Guid.NewGuid():N}";
            var postgres = PostgresTrackingStore.Open(new PostgresTrackingOptions
            {
                ConnectionString = $"{Environment.GetEnvironmentVariable("TAXI_POSTGRES")!.TrimEnd(';')};Search Path={schema}",
                ArtifactRoot = folder,
            });
            (store, tracker) = (postgres, postgres.Tracker);
        }
        else
        {
            var sqlite = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = Path.Combine(folder, TrackingStoreOptions.DatabaseFileName) });
            tracker = sqlite.Tracker;
        }

        experimentId = tracker.GetOrCreateExperiment("benchmark").ExperimentId;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store?.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "a trial, call by call (1 + 8 params + 20 metrics + finish)")]
    public string CallByCall()
    {
        var run = tracker.CreateRun(new NewRun(experimentId, "trial")).RunId;
        for (var i = 0; i < Params; i++)
        {
            tracker.LogParam(run, $"param{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var step = 0; step < Steps; step++)
        {
            tracker.LogMetric(run, "rmse", 10.0 / (step + 1), step);
        }

        tracker.UpdateRun(run, RunStatus.Finished);
        return run;
    }

    [Benchmark(Description = "a trial, batched (create + one batch + finish)")]
    public string Batched()
    {
        var run = tracker.CreateRun(new NewRun(experimentId, "trial")).RunId;
        var now = DateTimeOffset.UtcNow;
        tracker.LogBatch(run, new RunBatch
        {
            Params = Enumerable.Range(0, Params).ToDictionary(i => $"param{i}", i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Metrics = [.. Enumerable.Range(0, Steps).Select(step => new Metric("rmse", 10.0 / (step + 1), step, now))],
        });
        tracker.UpdateRun(run, RunStatus.Finished);
        return run;
    }
}
