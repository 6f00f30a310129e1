using System.Globalization;

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>
/// Entry point used only when a test starts this assembly as a separate process, to prove the store's behaviour
/// across real processes (several writers on one file at once). The test runner never calls it.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case [WorkerCommands.LogMetrics, var database, var runId, var worker, var count]:
                LogMetrics(TrackingStore.Open(new TrackingStoreOptions { DatabasePath = database }), runId, "worker-" + worker, int.Parse(count, CultureInfo.InvariantCulture));
                return 0;
            default:
                Console.Error.WriteLine($"usage: {WorkerCommands.LogMetrics} <db> <run> <worker> <count>");
                return 2;
        }
    }

    private static void LogMetrics(TrackingStore store, string runId, string key, int count)
    {
        for (var step = 0; step < count; step++)
        {
            store.Tracker.LogMetric(runId, key, step * 0.5, step);
        }

        store.Tracker.LogParam(runId, key, "done");
    }
}
