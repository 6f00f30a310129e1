using System.Globalization;

namespace TaxiDuration.Tracking.Sqlite.Tests;

public sealed class MultiProcessLoggingTests : IDisposable
{
    private const int Workers = 4;
    private const int MetricsPerWorker = 200;
    private readonly TempStore temp = new();

    [Fact]
    public void Several_processes_logging_to_one_store_at_once_lose_nothing()
    {
        var tracker = temp.Open().Tracker;
        var run = tracker.CreateRun(new NewRun(tracker.CreateExperiment("taxi").ExperimentId, "shared")).RunId;

        var processes = Enumerable.Range(0, Workers)
            .Select(worker => WorkerCommands.Start(
                WorkerCommands.LogMetrics,
                temp.Options.DatabasePath,
                run,
                worker.ToString(CultureInfo.InvariantCulture),
                MetricsPerWorker.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        foreach (var process in processes)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"worker failed with exit code {process.ExitCode}: {errors}");
            process.Dispose();
        }

        Assert.Equal(Workers * MetricsPerWorker, temp.Sql.Long("SELECT COUNT(*) FROM metrics;"));
        var loaded = tracker.GetRun(run);
        for (var worker = 0; worker < Workers; worker++)
        {
            var history = tracker.GetMetricHistory(run, $"worker-{worker}");
            Assert.Equal(Enumerable.Range(0, MetricsPerWorker).Select(step => (long)step), history.Select(m => m.Step));
            Assert.Equal("done", loaded.Params[$"worker-{worker}"]);
        }
    }

    public void Dispose() => temp.Dispose();
}
