using System.Globalization;

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>
/// Entry point used only when a test starts this assembly as a separate process, to prove the store's behaviour
/// across real processes (concurrent writers, a writer killed mid-run). The test runner never calls it.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case [WorkerCommands.LogMetrics, var database, var runId, var worker, var count]:
                LogMetrics(Open(database), runId, "worker-" + worker, int.Parse(count, CultureInfo.InvariantCulture));
                return 0;
            case [WorkerCommands.HoldRun, var database, var experimentId]:
                HoldRun(Open(database), experimentId);
                return 1;
            default:
                Console.Error.WriteLine($"usage: {WorkerCommands.LogMetrics} <db> <run> <worker> <count> | {WorkerCommands.HoldRun} <db> <experiment>");
                return 2;
        }
    }

    private static TrackingStore Open(string database) => TrackingStore.Open(new TrackingStoreOptions { DatabasePath = database });

    private static void LogMetrics(TrackingStore store, string runId, string key, int count)
    {
        for (var step = 0; step < count; step++)
        {
            store.Tracker.LogMetric(runId, key, step * 0.5, step);
        }

        store.Tracker.LogParam(runId, key, "done");
    }

    private static void HoldRun(TrackingStore store, string experimentId)
    {
        var run = store.Tracker.CreateRun(new NewRun(experimentId, "killed-mid-run"));
        store.Tracker.LogMetric(run.RunId, "rmse", 7.5);
        Console.Out.WriteLine(run.RunId);
        Console.Out.Flush();
        // Wait to be killed, like a pipeline that dies mid-training.
        Thread.Sleep(Timeout.Infinite);
    }
}
