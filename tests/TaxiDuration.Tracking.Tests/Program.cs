using TaxiDuration.Tracking.Tests.Contract;

namespace TaxiDuration.Tracking.Tests;

/// <summary>
/// Entry point used only when a test starts this assembly as a separate process, to prove a backend's behaviour across
/// real processes (a pipeline killed mid-run). The test runner never calls it.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case [WorkerCommands.HoldRun, var backend, var location, var artifactRoot, var experimentId]:
                HoldRun(StoreAddress.FromArguments(backend, location, artifactRoot).Open(), experimentId);
                return 1;
            case [WorkerCommands.ExitAtOnce]:
                return 0;
            default:
                Console.Error.WriteLine($"usage: {WorkerCommands.HoldRun} <backend> <location> <artifact-root> <experiment> | {WorkerCommands.ExitAtOnce}");
                return 2;
        }
    }

    private static void HoldRun(StoreConnection store, string experimentId)
    {
        var run = store.Tracker.CreateRun(new NewRun(experimentId, "killed-mid-run"));
        store.Tracker.LogMetric(run.RunId, "rmse", 7.5);
        Console.Out.WriteLine(run.RunId);
        Console.Out.Flush();
        // Wait to be killed, like a pipeline that dies mid-training.
        Thread.Sleep(Timeout.Infinite);
    }
}
