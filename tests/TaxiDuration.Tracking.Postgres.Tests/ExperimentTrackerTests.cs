using TaxiDuration.TestSupport;
namespace TaxiDuration.Tracking.Postgres.Tests;

public sealed class ExperimentTrackerTests : IClassFixture<FreshDatabase>, IDisposable
{
    private readonly TempStore temp;
    private readonly IExperimentTracker tracker;

    public ExperimentTrackerTests(FreshDatabase database)
    {
        temp = new TempStore(database);
        tracker = temp.Open().Tracker;
    }

    [PostgresFact]
    public void Experiments_round_trip_by_name_and_a_taken_name_is_refused()
    {
        var created = tracker.CreateExperiment("taxi-duration");

        Assert.Equal(created, tracker.GetExperimentByName("taxi-duration"));
        Assert.Equal(TempStore.Start, created.CreatedAt);
        Assert.Null(tracker.GetExperimentByName("unknown"));
        Assert.Equal(created, tracker.GetOrCreateExperiment("taxi-duration"));
        var other = tracker.GetOrCreateExperiment("another");
        Assert.NotEqual(created.ExperimentId, other.ExperimentId);
        Assert.Equal(["another", "taxi-duration"], tracker.ListExperiments().Select(e => e.Name));
        var error = Assert.Throws<InvalidOperationException>(() => tracker.CreateExperiment("taxi-duration"));
        Assert.Contains("'taxi-duration' already exists", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Processes_racing_to_create_one_experiment_all_get_the_same_one()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => temp.Open()).ToArray();
        using var start = new Barrier(stores.Length);

        var ids = stores.AsParallel().WithDegreeOfParallelism(stores.Length).Select(other =>
        {
            start.SignalAndWait();
            return other.Tracker.GetOrCreateExperiment("raced").ExperimentId;
        }).ToArray();

        Assert.Single(ids.Distinct());
        Assert.Equal(1L, temp.Sql.Long("SELECT COUNT(*) FROM experiments WHERE name = 'raced';"));
    }

    [PostgresFact]
    public void A_run_round_trips_with_owner_commit_and_tags_then_finishes_with_an_end_time()
    {
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
        Assert.Equal(TempStore.Start, loaded.Info.StartTime);
        Assert.Null(loaded.Info.EndTime);
        Assert.Equal(new LocalRunOwnership().Current, loaded.Info.Owner);
        Assert.Equal("2", loaded.Tags["level"]);

        temp.Clock.Advance(TimeSpan.FromSeconds(90));
        var finished = tracker.UpdateRun(created.RunId, RunStatus.Finished);

        Assert.Equal(RunStatus.Finished, finished.Status);
        Assert.Equal(TempStore.Start.AddSeconds(90), finished.EndTime);
        Assert.Equal(finished, tracker.GetRun(created.RunId).Info);
    }

    [PostgresFact]
    public void Metric_history_keeps_every_step_and_the_latest_is_the_highest_step()
    {
        var run = NewRun();
        tracker.LogMetric(run, "rmse", 9.0, step: 0);
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
        tracker.LogMetric(run, "rmse", 7.0, step: 2);
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
        tracker.LogMetric(run, "rmse", 8.0, step: 1);
        tracker.LogMetric(run, "mae", double.NaN);
        tracker.LogMetric(run, "worst", double.PositiveInfinity);

        var history = tracker.GetMetricHistory(run, "rmse");

        Assert.Equal([0L, 1L, 2L], history.Select(m => m.Step));
        Assert.Equal([9.0, 8.0, 7.0], history.Select(m => m.Value));
        Assert.Equal(TempStore.Start.AddSeconds(2), history[1].Timestamp);
        var latest = tracker.GetRun(run).LatestMetrics;
        Assert.Equal(7.0, latest["rmse"].Value);
        Assert.True(double.IsNaN(latest["mae"].Value));
        Assert.Equal(double.PositiveInfinity, latest["worst"].Value);
    }

    [PostgresFact]
    public void A_batch_keeps_its_metrics_in_order_and_times_to_the_millisecond()
    {
        var run = NewRun();
        var at = TempStore.Start.AddTicks(12_345);
        tracker.LogBatch(run, new RunBatch
        {
            Metrics = [new Metric("loss", 3, 0, at), new Metric("loss", 2, 0, at), new Metric("loss", 1, 0, at.ToOffset(TimeSpan.FromHours(2)))],
        });

        var history = tracker.GetMetricHistory(run, "loss");

        Assert.Equal([3.0, 2.0, 1.0], history.Select(m => m.Value));
        Assert.All(history, metric => Assert.Equal(TempStore.Start.AddMilliseconds(1), metric.Timestamp));
        Assert.Equal(1.0, tracker.GetRun(run).LatestMetrics["loss"].Value);
    }

    [PostgresFact]
    public void Params_are_immutable_the_same_value_is_accepted_a_different_one_fails_clearly()
    {
        var run = NewRun();
        tracker.LogParam(run, "trainer", "sdca");
        tracker.LogParam(run, "trainer", "sdca");

        var error = Assert.Throws<ParamConflictException>(() => tracker.LogParam(run, "trainer", "fasttree"));

        Assert.Equal("sdca", error.ExistingValue);
        Assert.Contains("'trainer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fasttree", error.Message, StringComparison.Ordinal);
        Assert.Equal("sdca", tracker.GetRun(run).Params["trainer"]);
    }

    [PostgresFact]
    public void Params_cannot_be_changed_or_removed_even_with_raw_sql()
    {
        var run = NewRun();
        tracker.LogParam(run, "trainer", "sdca");

        // The database's own trigger refuses, whoever writes: restrict_violation naming the table and the rule.
        foreach (var edit in new[] { "UPDATE params SET value = 'fasttree';", "DELETE FROM params;", "TRUNCATE params CASCADE;" })
        {
            var refused = temp.Sql.Refused(edit);
            Assert.Equal(SchemaMigrations.RefusedChangeSqlState, refused.SqlState);
            Assert.Equal(Npgsql.PostgresErrorCodes.RestrictViolation, refused.SqlState);
            Assert.Equal("params are immutable", refused.MessageText);
            Assert.Equal("params", refused.TableName);
        }

        Assert.Equal("sdca", tracker.GetRun(run).Params["trainer"]);
    }

    [PostgresFact]
    public void Tags_are_mutable_and_the_last_value_wins()
    {
        var run = NewRun();
        tracker.SetTag(run, "stage", "validating");
        tracker.SetTag(run, "stage", "training");

        Assert.Equal("training", tracker.GetRun(run).Tags["stage"]);
    }

    [PostgresFact]
    public void A_batch_is_all_or_nothing()
    {
        var run = NewRun();
        tracker.LogParam(run, "trainer", "sdca");
        var batch = new RunBatch
        {
            Metrics = [new Metric("rmse", 6.5, 0, TempStore.Start)],
            Tags = new Dictionary<string, string> { ["stage"] = "done" },
            Params = new Dictionary<string, string> { ["seed"] = "42", ["trainer"] = "lightgbm" },
        };

        Assert.Throws<ParamConflictException>(() => tracker.LogBatch(run, batch));

        var loaded = tracker.GetRun(run);
        Assert.Empty(loaded.LatestMetrics);
        Assert.Empty(loaded.Tags);
        Assert.False(loaded.Params.ContainsKey("seed"));

        tracker.LogBatch(run, batch with { Params = new Dictionary<string, string> { ["seed"] = "42" } });
        loaded = tracker.GetRun(run);
        Assert.Equal(6.5, loaded.LatestMetrics["rmse"].Value);
        Assert.Equal("done", loaded.Tags["stage"]);
        Assert.Equal("42", loaded.Params["seed"]);
    }

    [PostgresFact]
    public void Data_fingerprints_round_trip_per_role_and_month()
    {
        var run = NewRun();
        var train = new DataFingerprint("train", "2021-01", 73_908, new string('a', 64));
        var validation = new DataFingerprint("validation", "2021-02", 61_921, new string('b', 64));
        tracker.LogDataFingerprint(run, validation);
        tracker.LogDataFingerprint(run, train);

        Assert.Equal([train, validation], tracker.GetRun(run).DataFingerprints);
    }

    [PostgresFact]
    public void Child_runs_name_their_parent_and_search_filters_by_parent_status_and_level()
    {
        var experiment = tracker.CreateExperiment("taxi");
        var parent = tracker.CreateRun(new NewRun(experiment.ExperimentId, "search"));
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
        var trial1 = tracker.CreateRun(new NewRun(experiment.ExperimentId, "trial-1") { ParentRunId = parent.RunId });
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
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
        // Same start time: the later-created run comes first, as SQLite's rowid orders them.
        Assert.Equal([unrelated.RunId, trial2.RunId], both.Select(r => r.Info.RunId));
        Assert.Throws<ArgumentException>(() => tracker.CreateRun(new NewRun(elsewhere.ExperimentId, "wrong") { ParentRunId = parent.RunId }));
    }

    [PostgresFact]
    public void Unknown_runs_and_experiments_fail_naming_the_id()
    {
        var runError = Assert.Throws<KeyNotFoundException>(() => tracker.LogMetric("no-such-run", "rmse", 1));
        var experimentError = Assert.Throws<KeyNotFoundException>(() => tracker.CreateRun(new NewRun("999", "orphan")));
        var updateError = Assert.Throws<KeyNotFoundException>(() => tracker.UpdateRun("no-such-run", RunStatus.Finished));

        Assert.Contains("no-such-run", runError.Message, StringComparison.Ordinal);
        Assert.Contains("'999'", experimentError.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-run", updateError.Message, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private string NewRun() => tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("taxi").ExperimentId, "run")).RunId;
}
