using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>What a run logs: metric history, immutable params, mutable tags, all-or-nothing batches, data fingerprints.</summary>
public sealed class RunLoggingTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void Metric_history_keeps_every_step_and_the_latest_is_the_highest_step(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var run = store.NewRun();
        tracker.LogMetric(run, "rmse", 9.0, step: 0);
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        tracker.LogMetric(run, "rmse", 7.0, step: 2);
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        tracker.LogMetric(run, "rmse", 8.0, step: 1);
        tracker.LogMetric(run, "mae", double.NaN);
        tracker.LogMetric(run, "worst", double.PositiveInfinity);

        var history = tracker.GetMetricHistory(run, "rmse");

        Assert.Equal([0L, 1L, 2L], history.Select(m => m.Step));
        Assert.Equal([9.0, 8.0, 7.0], history.Select(m => m.Value));
        Assert.Equal(ContractStore.Start.AddSeconds(2), history[1].Timestamp);
        var latest = tracker.GetRun(run).LatestMetrics;
        Assert.Equal(7.0, latest["rmse"].Value);
        Assert.True(double.IsNaN(latest["mae"].Value));
        Assert.Equal(double.PositiveInfinity, latest["worst"].Value);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_batch_keeps_its_metrics_in_order_and_times_to_the_millisecond(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var run = store.NewRun();
        var at = ContractStore.Start.AddTicks(12_345);
        tracker.LogBatch(run, new RunBatch
        {
            Metrics = [new Metric("loss", 3, 0, at), new Metric("loss", 2, 0, at), new Metric("loss", 1, 0, at.ToOffset(TimeSpan.FromHours(2)))],
        });

        var history = tracker.GetMetricHistory(run, "loss");

        Assert.Equal([3.0, 2.0, 1.0], history.Select(m => m.Value));
        Assert.All(history, metric => Assert.Equal(ContractStore.Start.AddMilliseconds(1), metric.Timestamp));
        Assert.Equal(1.0, tracker.GetRun(run).LatestMetrics["loss"].Value);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Params_are_immutable_the_same_value_is_accepted_a_different_one_fails_clearly(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var run = store.NewRun();
        tracker.LogParam(run, "trainer", "sdca");
        tracker.LogParam(run, "trainer", "sdca");

        var error = Assert.Throws<ParamConflictException>(() => tracker.LogParam(run, "trainer", "fasttree"));

        Assert.Equal("sdca", error.ExistingValue);
        Assert.Contains("'trainer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fasttree", error.Message, StringComparison.Ordinal);
        Assert.Equal("sdca", tracker.GetRun(run).Params["trainer"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Params_cannot_be_changed_or_removed_even_with_raw_sql(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        store.Tracker.LogParam(run, "trainer", "sdca");

        store.AssertDatabaseRefusesChanges("params", "value = 'fasttree'", "params are immutable");

        Assert.Equal("sdca", store.Tracker.GetRun(run).Params["trainer"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Tags_are_mutable_and_the_last_value_wins(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        store.Tracker.SetTag(run, "stage", "validating");
        store.Tracker.SetTag(run, "stage", "training");

        Assert.Equal("training", store.Tracker.GetRun(run).Tags["stage"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_batch_is_all_or_nothing(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var run = store.NewRun();
        tracker.LogParam(run, "trainer", "sdca");
        var batch = new RunBatch
        {
            Metrics = [new Metric("rmse", 6.5, 0, ContractStore.Start)],
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

    [Theory, OnSqlite, OnPostgres]
    public void Data_fingerprints_round_trip_per_role_and_month(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var run = store.NewRun();
        var train = new DataFingerprint("train", "2021-01", 73_908, new string('a', 64));
        var validation = new DataFingerprint("validation", "2021-02", 61_921, new string('b', 64));
        store.Tracker.LogDataFingerprint(run, validation);
        store.Tracker.LogDataFingerprint(run, train);

        Assert.Equal([train, validation], store.Tracker.GetRun(run).DataFingerprints);
    }
}
