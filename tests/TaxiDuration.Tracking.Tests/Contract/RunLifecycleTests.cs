using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>Runs: created with their owner, finished with an end time, found by search, refused when unknown.</summary>
public sealed class RunLifecycleTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void A_run_round_trips_with_owner_commit_and_tags_then_finishes_with_an_end_time(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var experiment = tracker.CreateExperiment("taxi");
        var created = tracker.CreateRun(new NewRun(experiment.ExperimentId, "linear-baseline")
        {
            GitCommit = "abc123",
            Tags = new Dictionary<string, string> { ["level"] = "2" },
        });

        var loaded = tracker.GetRun(created.RunId);

        Assert.Equal(created, loaded.Info);
        Assert.Equal(RunStatus.Running, loaded.Info.Status);
        Assert.Equal(experiment.ExperimentId, loaded.Info.ExperimentId);
        Assert.Equal("abc123", loaded.Info.GitCommit);
        Assert.Equal(ContractStore.Start, loaded.Info.StartTime);
        Assert.Null(loaded.Info.EndTime);
        Assert.Equal(new LocalRunOwnership().Current, loaded.Info.Owner);
        Assert.Equal("2", loaded.Tags["level"]);

        store.Clock.Advance(TimeSpan.FromSeconds(90));
        var finished = tracker.UpdateRun(created.RunId, RunStatus.Finished);

        Assert.Equal(RunStatus.Finished, finished.Status);
        Assert.Equal(ContractStore.Start.AddSeconds(90), finished.EndTime);
        Assert.Equal(finished, tracker.GetRun(created.RunId).Info);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Child_runs_name_their_parent_and_search_filters_by_parent_status_and_level(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var experiment = tracker.CreateExperiment("taxi");
        var parent = tracker.CreateRun(new NewRun(experiment.ExperimentId, "search"));
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var trial1 = tracker.CreateRun(new NewRun(experiment.ExperimentId, "trial-1") { ParentRunId = parent.RunId });
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var trial2 = tracker.CreateRun(new NewRun(experiment.ExperimentId, "trial-2") { ParentRunId = parent.RunId });
        tracker.UpdateRun(trial1.RunId, RunStatus.Finished);
        var elsewhere = tracker.CreateExperiment("elsewhere");
        var unrelated = tracker.CreateRun(new NewRun(elsewhere.ExperimentId, "unrelated"));

        var children = tracker.SearchRuns(new RunQuery { ParentRunId = parent.RunId });
        var topLevel = tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], TopLevelOnly = true });
        var finished = tracker.SearchRuns(new RunQuery { Status = RunStatus.Finished });
        var both = tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId, elsewhere.ExperimentId], MaxResults = 2 });

        Assert.Equal([trial2.RunId, trial1.RunId], children.Select(r => r.Info.RunId));
        Assert.All(children, child => Assert.Equal(parent.RunId, child.Info.ParentRunId));
        Assert.Equal([parent.RunId], topLevel.Select(r => r.Info.RunId));
        Assert.Equal([trial1.RunId], finished.Select(r => r.Info.RunId));
        // Same start time: the later-created run comes first (SQLite orders by rowid, PostgreSQL by its sequence).
        Assert.Equal([unrelated.RunId, trial2.RunId], both.Select(r => r.Info.RunId));
        Assert.Throws<ArgumentException>(() => tracker.CreateRun(new NewRun(elsewhere.ExperimentId, "wrong") { ParentRunId = parent.RunId }));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Unknown_runs_and_experiments_fail_naming_the_id(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;

        var runError = Assert.Throws<KeyNotFoundException>(() => tracker.LogMetric("no-such-run", "rmse", 1));
        var experimentError = Assert.Throws<KeyNotFoundException>(() => tracker.CreateRun(new NewRun("999", "orphan")));
        var updateError = Assert.Throws<KeyNotFoundException>(() => tracker.UpdateRun("no-such-run", RunStatus.Finished));

        Assert.Contains("no-such-run", runError.Message, StringComparison.Ordinal);
        Assert.Contains("'999'", experimentError.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-run", updateError.Message, StringComparison.Ordinal);
    }
}
