using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Runs left RUNNING by a process that died are marked failed, and only those, by any number of recoverers.</summary>
public sealed class AbandonedRunRecoveryTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void A_run_whose_process_was_killed_is_marked_failed_with_a_reason_and_keeps_what_it_logged(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var experiment = store.Tracker.CreateExperiment("taxi");
        string runId;
        using (var worker = WorkerCommands.Start([WorkerCommands.HoldRun, .. store.Address.ToArguments(), experiment.ExperimentId]))
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
        Assert.Equal(ContractStore.Start, run.Info.EndTime);
        Assert.Contains("no longer running", run.Tags[TrackingTags.FailureReason], StringComparison.Ordinal);
        Assert.Equal(7.5, run.LatestMetrics["rmse"].Value);
        Assert.Empty(store.Tracker.RecoverAbandonedRuns());
    }

    [Theory, OnSqlite, OnPostgres]
    public void Only_running_runs_of_dead_owners_on_this_host_are_recovered(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var local = new LocalRunOwnership();
        var deadHere = new FixedOwner(local.Current with { ProcessId = ExitedProcessId() }, local);
        var otherHost = new FixedOwner(local.Current with { Host = "some-other-host", ProcessId = ExitedProcessId() }, local);
        var reusedPid = new FixedOwner(local.Current with { ProcessStartTime = local.Current.ProcessStartTime.AddHours(-1) }, local);
        var experiment = store.Tracker.CreateExperiment("taxi").ExperimentId;
        var abandoned = store.Connect(deadHere).Tracker.CreateRun(new NewRun(experiment, "abandoned")).RunId;
        var finishedByDeadOwner = store.Connect(deadHere).Tracker.CreateRun(new NewRun(experiment, "finished")).RunId;
        store.Tracker.UpdateRun(finishedByDeadOwner, RunStatus.Finished);
        var remote = store.Connect(otherHost).Tracker.CreateRun(new NewRun(experiment, "remote")).RunId;
        var pidReused = store.Connect(reusedPid).Tracker.CreateRun(new NewRun(experiment, "pid-reused")).RunId;
        var alive = store.Tracker.CreateRun(new NewRun(experiment, "alive")).RunId;
        var tracker = store.Connect().Tracker;

        var recovered = tracker.RecoverAbandonedRuns().Select(r => r.RunId).Order().ToArray();

        Assert.Equal(new[] { abandoned, pidReused }.Order(), recovered);
        Assert.Equal(RunStatus.Finished, tracker.GetRun(finishedByDeadOwner).Info.Status);
        Assert.Equal(RunStatus.Running, tracker.GetRun(remote).Info.Status);
        Assert.Equal(RunStatus.Running, tracker.GetRun(alive).Info.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Two_recoverers_at_once_mark_each_abandoned_run_once(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var local = new LocalRunOwnership();
        var dead = new FixedOwner(local.Current with { ProcessId = ExitedProcessId() }, local);
        var experiment = store.Tracker.CreateExperiment("taxi").ExperimentId;
        var creator = store.Connect(dead).Tracker;
        var abandoned = Enumerable.Range(0, 20).Select(index => creator.CreateRun(new NewRun(experiment, $"abandoned-{index}")).RunId).ToArray();
        var recoverers = new[] { store.Connect().Tracker, store.Connect().Tracker };
        using var start = new Barrier(recoverers.Length);

        var recovered = recoverers.AsParallel().WithDegreeOfParallelism(recoverers.Length).SelectMany(recoverer =>
        {
            start.SignalAndWait();
            return recoverer.RecoverAbandonedRuns().Select(run => run.RunId);
        }).ToArray();

        Assert.Equal(abandoned.Order(), recovered.Order());
        Assert.Equal(20L, store.Sql.Long($"SELECT COUNT(*) FROM tags WHERE key = '{TrackingTags.FailureReason}';"));
    }

    // The id of a process that has exited: a dead owner's, on this host.
    private static int ExitedProcessId()
    {
        using var process = WorkerCommands.Start(WorkerCommands.ExitAtOnce);
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
