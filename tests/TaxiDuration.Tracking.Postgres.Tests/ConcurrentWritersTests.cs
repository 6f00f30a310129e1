using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>Many writers at once, as several pipelines (or hyper-parameter trials) share one server store.</summary>
public sealed class ConcurrentWritersTests(FreshDatabase database, ITestOutputHelper output) : IClassFixture<FreshDatabase>, IDisposable
{
    private const int Workers = 8;
    private const int RunsPerWorker = 60;
    private readonly TempStore temp = new(database);

    [PostgresFact]
    public void Eight_processes_logging_sixty_runs_each_lose_nothing()
    {
        var tracker = temp.Open().Tracker;
        var experiment = tracker.CreateExperiment("taxi").ExperimentId;
        var processes = Enumerable.Range(0, Workers)
            .Select(worker => WorkerCommands.Start(
                WorkerCommands.LogRuns,
                temp.ConnectionString,
                temp.Options.ArtifactRoot,
                experiment,
                worker.ToString(CultureInfo.InvariantCulture),
                RunsPerWorker.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        try
        {
            // Every worker connected before the clock starts, so the time measured is logging alone.
            foreach (var process in processes)
            {
                Assert.Equal(WorkerCommands.Ready, process.StandardOutput.ReadLine() ?? process.StandardError.ReadToEnd());
            }

            var clock = Stopwatch.StartNew();
            foreach (var process in processes)
            {
                process.StandardInput.WriteLine("go");
                process.StandardInput.Flush();
            }

            var errors = processes.Select(process => process.StandardError.ReadToEndAsync()).ToArray();
            foreach (var (process, index) in processes.Select((process, index) => (process, index)))
            {
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"worker {index} failed with exit code {process.ExitCode}: {errors[index].Result}");
            }

            clock.Stop();
            Report(clock.Elapsed);
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }

        const int Runs = Workers * RunsPerWorker;
        var runs = tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment], MaxResults = 10_000 });
        Assert.Equal(Runs, runs.Count);
        Assert.All(runs, run => Assert.Equal(RunStatus.Finished, run.Info.Status));
        Assert.Equal(Runs, runs.Select(run => run.Info.Name).Distinct().Count());
        for (var worker = 0; worker < Workers; worker++)
        {
            var name = worker.ToString(CultureInfo.InvariantCulture);
            var indices = runs.Where(run => run.Params["worker"] == name).Select(run => int.Parse(run.Params["index"], CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, RunsPerWorker), indices.Order());
        }

        Assert.All(runs, run => Assert.Equal(
            (6.0, WorkerCommands.EpochMetricsPerRun - 1L, 4.2, "evaluated"),
            (run.LatestMetrics["rmse"].Value, run.LatestMetrics["rmse"].Step, run.LatestMetrics["mae"].Value, run.Tags["stage"])));
        Assert.Equal(Runs * (WorkerCommands.EpochMetricsPerRun + 2L), temp.Sql.Long("SELECT COUNT(*) FROM metrics;"));
        Assert.Equal(Runs * 2L, temp.Sql.Long("SELECT COUNT(*) FROM params;"));
        Assert.Equal(Runs * 2L, temp.Sql.Long("SELECT COUNT(*) FROM tags;"));
    }

    [PostgresFact]
    public void Writers_sharing_one_run_lose_no_metric_and_keep_each_ones_params()
    {
        const int Writers = 8;
        const int MetricsPerWriter = 100;
        var tracker = temp.Open().Tracker;
        var run = tracker.CreateRun(new NewRun(tracker.CreateExperiment("taxi").ExperimentId, "shared")).RunId;
        using var start = new Barrier(Writers);

        Enumerable.Range(0, Writers).AsParallel().WithDegreeOfParallelism(Writers).ForAll(writer =>
        {
            var own = temp.Open().Tracker;
            start.SignalAndWait();
            for (var step = 0; step < MetricsPerWriter; step++)
            {
                own.LogMetric(run, $"writer-{writer}", step * 0.5, step);
                // All writers upsert the same tag row: contention on one row, which must serialise, not fail.
                own.SetTag(run, "last-writer", writer.ToString(CultureInfo.InvariantCulture));
            }

            own.LogParam(run, $"writer-{writer}", "done");
        });

        var loaded = tracker.GetRun(run);
        for (var writer = 0; writer < Writers; writer++)
        {
            Assert.Equal(Enumerable.Range(0, MetricsPerWriter).Select(step => (long)step), tracker.GetMetricHistory(run, $"writer-{writer}").Select(m => m.Step));
            Assert.Equal("done", loaded.Params[$"writer-{writer}"]);
        }

        Assert.Equal(Writers * (long)MetricsPerWriter, temp.Sql.Long("SELECT COUNT(*) FROM metrics;"));
    }

    public void Dispose() => temp.Dispose();

    private void Report(TimeSpan elapsed)
    {
        const int Runs = Workers * RunsPerWorker;
        const int Calls = Runs * (1 + 2 + WorkerCommands.EpochMetricsPerRun + 1 + 1);
        const int Metrics = Runs * (WorkerCommands.EpochMetricsPerRun + 2);
        var seconds = elapsed.TotalSeconds;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{Workers} processes x {RunsPerWorker} runs in {seconds:F2} s: {Runs / seconds:F0} runs/s, {Metrics / seconds:F0} metrics/s, {Calls / seconds:F0} tracker calls (transactions)/s");
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
