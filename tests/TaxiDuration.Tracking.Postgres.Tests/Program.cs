using System.Globalization;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>
/// Entry point used only when a test starts this assembly as a separate process, to prove the store's behaviour
/// across real processes (many concurrent writers). The test runner never calls it.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case [WorkerCommands.LogRuns, var connection, var artifacts, var experimentId, var worker, var runs]:
                using (var store = Open(connection, artifacts))
                {
                    LogRuns(store, experimentId, worker, int.Parse(runs, CultureInfo.InvariantCulture));
                }

                return 0;
            default:
                Console.Error.WriteLine($"usage: {WorkerCommands.LogRuns} <connection> <artifacts> <experiment> <worker> <runs>");
                return 2;
        }
    }

    private static PostgresTrackingStore Open(string connection, string artifacts) =>
        PostgresTrackingStore.Open(new PostgresTrackingOptions { ConnectionString = connection, ArtifactRoot = artifacts });

    // What a pipeline does per trial: start a run, log its params, a metric per epoch, a closing batch, finish it.
    // Opens first and waits for "go", so the test times the logging, not process start-up and connecting.
    private static void LogRuns(PostgresTrackingStore store, string experimentId, string worker, int runs)
    {
        var tracker = store.Tracker;
        tracker.GetExperimentByName("warm-up");
        Console.Out.WriteLine(WorkerCommands.Ready);
        Console.Out.Flush();
        _ = Console.In.ReadLine();
        for (var index = 0; index < runs; index++)
        {
            var run = tracker.CreateRun(new NewRun(experimentId, $"worker-{worker}-run-{index}")
            {
                Tags = new Dictionary<string, string> { ["worker"] = worker },
            }).RunId;
            tracker.LogParam(run, "worker", worker);
            tracker.LogParam(run, "index", index.ToString(CultureInfo.InvariantCulture));
            for (var epoch = 0; epoch < WorkerCommands.EpochMetricsPerRun; epoch++)
            {
                tracker.LogMetric(run, "rmse", 10.0 - epoch, epoch);
            }

            tracker.LogBatch(run, new RunBatch
            {
                Metrics = [new Metric("mae", 4.2, 0, DateTimeOffset.UtcNow), new Metric("r2", 0.7, 0, DateTimeOffset.UtcNow)],
                Tags = new Dictionary<string, string> { ["stage"] = "evaluated" },
            });
            tracker.UpdateRun(run, RunStatus.Finished);
        }
    }
}
