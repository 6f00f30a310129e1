namespace TaxiDuration.Tracking.Sqlite.Tests;

public sealed class ExperimentTrackerTests : IDisposable
{
    private readonly TempStore temp = new();
    private readonly IExperimentTracker tracker;

    public ExperimentTrackerTests() => tracker = temp.Open().Tracker;

    [Fact]
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

    [Fact]
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

    [Fact]
    public void Metric_history_keeps_every_step_and_the_latest_is_the_highest_step()
    {
        var run = NewRun();
        tracker.LogMetric(run, "rmse", 9.0, step: 0);
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
        tracker.LogMetric(run, "rmse", 7.0, step: 2);
        temp.Clock.Advance(TimeSpan.FromSeconds(1));
        tracker.LogMetric(run, "rmse", 8.0, step: 1);
        tracker.LogMetric(run, "mae", double.NaN);

        var history = tracker.GetMetricHistory(run, "rmse");

        Assert.Equal([0L, 1L, 2L], history.Select(m => m.Step));
        Assert.Equal([9.0, 8.0, 7.0], history.Select(m => m.Value));
        Assert.Equal(TempStore.Start.AddSeconds(2), history[1].Timestamp);
        var latest = tracker.GetRun(run).LatestMetrics;
        Assert.Equal(7.0, latest["rmse"].Value);
        Assert.True(double.IsNaN(latest["mae"].Value));
    }

    [Fact]
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

    [Fact]
    public void Tags_are_mutable_and_the_last_value_wins()
    {
        var run = NewRun();
        tracker.SetTag(run, "stage", "validating");
        tracker.SetTag(run, "stage", "training");

        Assert.Equal("training", tracker.GetRun(run).Tags["stage"]);
    }

    [Fact]
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

    [Fact]
    public void Data_fingerprints_round_trip_per_role_and_month()
    {
        var run = NewRun();
        var train = new DataFingerprint("train", "2021-01", 73_908, new string('a', 64));
        var validation = new DataFingerprint("validation", "2021-02", 61_921, new string('b', 64));
        tracker.LogDataFingerprint(run, validation);
        tracker.LogDataFingerprint(run, train);

        Assert.Equal([train, validation], tracker.GetRun(run).DataFingerprints);
    }

    [Fact]
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
        tracker.CreateRun(new NewRun(elsewhere.ExperimentId, "unrelated"));

        var children = tracker.SearchRuns(new RunQuery { ParentRunId = parent.RunId });
        var topLevel = tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], TopLevelOnly = true });
        var finished = tracker.SearchRuns(new RunQuery { Status = RunStatus.Finished });

        Assert.Equal([trial2.RunId, trial1.RunId], children.Select(r => r.Info.RunId));
        Assert.All(children, child => Assert.Equal(parent.RunId, child.Info.ParentRunId));
        Assert.Equal([parent.RunId], topLevel.Select(r => r.Info.RunId));
        Assert.Equal([trial1.RunId], finished.Select(r => r.Info.RunId));
        Assert.Throws<ArgumentException>(() => tracker.CreateRun(new NewRun(elsewhere.ExperimentId, "wrong") { ParentRunId = parent.RunId }));
    }

    [Fact]
    public void Unknown_runs_and_experiments_fail_naming_the_id()
    {
        var runError = Assert.Throws<KeyNotFoundException>(() => tracker.LogMetric("no-such-run", "rmse", 1));
        var experimentError = Assert.Throws<KeyNotFoundException>(() => tracker.CreateRun(new NewRun("999", "orphan")));

        Assert.Contains("no-such-run", runError.Message, StringComparison.Ordinal);
        Assert.Contains("'999'", experimentError.Message, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private string NewRun() => tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("taxi").ExperimentId, "run")).RunId;
}
