using TaxiDuration.TestSupport;
namespace TaxiDuration.Tracking.Postgres.Tests;

public sealed class AbandonedRunRecoveryTests : IClassFixture<FreshDatabase>, IDisposable
{
    private readonly TempStore temp;

    public AbandonedRunRecoveryTests(FreshDatabase database) => temp = new TempStore(database);

    [PostgresFact]
    public void A_run_whose_process_was_killed_is_marked_failed_with_a_reason_and_keeps_what_it_logged()
    {
        var store = temp.Open();
        var experiment = store.Tracker.CreateExperiment("taxi");
        string runId;
        using (var worker = WorkerCommands.Start(WorkerCommands.HoldRun, temp.ConnectionString, temp.Options.ArtifactRoot, experiment.ExperimentId))
        {
            runId = worker.StandardOutput.ReadLine() ?? throw new InvalidOperationException(worker.StandardError.ReadToEnd());
            Assert.Empty(store.Tracker.RecoverAbandonedRuns());
            worker.Kill();
            worker.WaitForExit();
        }

        var recovered = store.Tracker.RecoverAbandonedRuns();

        var run = store.Tracker.GetRun(runId);
        Assert.Equal([runId], recovered.Select(r => r.RunId));
        Assert.Equal(RunStatus.Failed, run.Info.Status);
        Assert.Equal(TempStore.Start, run.Info.EndTime);
        Assert.Contains("no longer running", run.Tags[TrackingTags.FailureReason], StringComparison.Ordinal);
        Assert.Equal(7.5, run.LatestMetrics["rmse"].Value);
        Assert.Empty(store.Tracker.RecoverAbandonedRuns());
    }

    [PostgresFact]
    public void Only_running_runs_of_dead_owners_on_this_host_are_recovered()
    {
        var local = new LocalRunOwnership();
        var deadHere = new FixedOwner(local.Current with { ProcessId = ExitedProcessId() }, local);
        var otherHost = new FixedOwner(local.Current with { Host = "some-other-host", ProcessId = ExitedProcessId() }, local);
        var reusedPid = new FixedOwner(local.Current with { ProcessStartTime = local.Current.ProcessStartTime.AddHours(-1) }, local);
        var experiment = temp.Open().Tracker.CreateExperiment("taxi").ExperimentId;
        var abandoned = temp.Open(deadHere).Tracker.CreateRun(new NewRun(experiment, "abandoned")).RunId;
        var finishedByDeadOwner = temp.Open(deadHere).Tracker.CreateRun(new NewRun(experiment, "finished")).RunId;
        temp.Open().Tracker.UpdateRun(finishedByDeadOwner, RunStatus.Finished);
        var remote = temp.Open(otherHost).Tracker.CreateRun(new NewRun(experiment, "remote")).RunId;
        var pidReused = temp.Open(reusedPid).Tracker.CreateRun(new NewRun(experiment, "pid-reused")).RunId;
        var alive = temp.Open().Tracker.CreateRun(new NewRun(experiment, "alive")).RunId;
        var tracker = temp.Open().Tracker;

        var recovered = tracker.RecoverAbandonedRuns().Select(r => r.RunId).Order().ToArray();

        Assert.Equal(new[] { abandoned, pidReused }.Order(), recovered);
        Assert.Equal(RunStatus.Finished, tracker.GetRun(finishedByDeadOwner).Info.Status);
        Assert.Equal(RunStatus.Running, tracker.GetRun(remote).Info.Status);
        Assert.Equal(RunStatus.Running, tracker.GetRun(alive).Info.Status);
    }

    [PostgresFact]
    public void Two_recoverers_at_once_mark_each_abandoned_run_once()
    {
        var local = new LocalRunOwnership();
        var dead = new FixedOwner(local.Current with { ProcessId = ExitedProcessId() }, local);
        var experiment = temp.Open().Tracker.CreateExperiment("taxi").ExperimentId;
        var creator = temp.Open(dead).Tracker;
        var abandoned = Enumerable.Range(0, 20).Select(index => creator.CreateRun(new NewRun(experiment, $"abandoned-{index}")).RunId).ToArray();
        var recoverers = new[] { temp.Open().Tracker, temp.Open().Tracker };
        using var start = new Barrier(recoverers.Length);

        var recovered = recoverers.AsParallel().WithDegreeOfParallelism(recoverers.Length).SelectMany(recoverer =>
        {
            start.SignalAndWait();
            return recoverer.RecoverAbandonedRuns().Select(run => run.RunId);
        }).ToArray();

        Assert.Equal(abandoned.Order(), recovered.Order());
        Assert.Equal(20L, temp.Sql.Long($"SELECT COUNT(*) FROM tags WHERE key = '{TrackingTags.FailureReason}';"));
    }

    public void Dispose() => temp.Dispose();

    private static int ExitedProcessId()
    {
        using var process = WorkerCommands.Start("exit-at-once");
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>Creates runs as a chosen owner; liveness is still judged by the real process table.</summary>
    private sealed class FixedOwner(RunOwner owner, IRunOwnership real) : IRunOwnership
    {
        public RunOwner Current => owner;

        public bool IsAlive(RunOwner candidate) => real.IsAlive(candidate);
    }
}
