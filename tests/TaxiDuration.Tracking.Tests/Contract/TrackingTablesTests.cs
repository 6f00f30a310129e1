using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Browsing;
using static TaxiDuration.Tracking.Tests.Contract.StoreArrangements;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>
/// The listings the runs/models commands print, read from a real store: the tables are built on the interfaces only,
/// so every backend must print the same cells. Values are chosen so each cell's formatting shows (four decimals at
/// most, whole seconds with one decimal, UTC times with a 'Z').
/// </summary>
public sealed class TrackingTablesTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    [Theory, OnSqlite, OnPostgres]
    public void Experiments_lists_id_name_and_creation_time_by_name(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var taxi = store.Tracker.CreateExperiment("taxi").ExperimentId;
        store.Clock.Advance(TimeSpan.FromHours(1));
        var other = store.Tracker.CreateExperiment("other").ExperimentId;

        var table = TrackingTables.Experiments(store.Tracker);

        Assert.Equal(["id", "experiment", "created"], table.Columns);
        Assert.Equal([[other, "other", "2021-03-01 09:00:00Z"], [taxi, "taxi", "2021-03-01 08:00:00Z"]], table.Rows);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Runs_lists_one_experiments_runs_newest_first_with_parent_duration_and_latest_metrics(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var taxi = tracker.CreateExperiment("taxi").ExperimentId;
        var search = tracker.CreateRun(new NewRun(taxi, "search")).RunId;
        tracker.LogMetric(search, "rmse", 7.123456);
        tracker.LogMetric(search, "mae", 5.1);
        store.Clock.Advance(TimeSpan.FromSeconds(30));
        var trial = tracker.CreateRun(new NewRun(taxi, "trial") { ParentRunId = search }).RunId;
        tracker.LogMetric(trial, "mae", 4.25);
        tracker.UpdateRun(search, RunStatus.Finished);
        // A run of another experiment, newer than both, and its metric: neither may show up.
        store.Clock.Advance(TimeSpan.FromSeconds(30));
        var elsewhere = tracker.CreateRun(new NewRun(tracker.CreateExperiment("other").ExperimentId, "elsewhere")).RunId;
        tracker.LogMetric(elsewhere, "r2", 0.5);

        var table = TrackingTables.Runs(tracker, "taxi");

        Assert.Equal(["run", "name", "parent", "status", "started", "duration", "mae", "rmse"], table.Columns);
        Assert.Equal(
            [
                [trial, "trial", search, "RUNNING", "2021-03-01 08:00:30Z", "", "4.25", ""],
                [search, "search", "", "FINISHED", "2021-03-01 08:00:00Z", "30.0 s", "5.1", "7.1235"],
            ],
            table.Rows);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Runs_shows_only_the_newest_max_runs(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var taxi = store.Tracker.CreateExperiment("taxi").ExperimentId;
        var runs = Enumerable.Range(1, 3).Select(index =>
        {
            store.Clock.Advance(TimeSpan.FromMinutes(1));
            return store.Tracker.CreateRun(new NewRun(taxi, $"run {index}")).RunId;
        }).ToArray();

        var table = TrackingTables.Runs(store.Tracker, "taxi", maxRuns: 2);

        Assert.Equal([runs[2], runs[1]], table.Rows.Select(row => row[0]));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Runs_of_an_unknown_experiment_fail_naming_the_known_ones(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);

        var none = Assert.Throws<KeyNotFoundException>(() => TrackingTables.Runs(store.Tracker, "taxi"));
        store.Tracker.CreateExperiment("b-experiment");
        store.Tracker.CreateExperiment("a-experiment");
        var some = Assert.Throws<KeyNotFoundException>(() => TrackingTables.Runs(store.Tracker, "taxi"));

        Assert.Equal("Experiment 'taxi' does not exist; known: (none).", none.Message);
        Assert.Equal("Experiment 'taxi' does not exist; known: a-experiment, b-experiment.", some.Message);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Comparing_runs_puts_the_union_of_params_and_metrics_side_by_side_in_key_order(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var tracker = store.Tracker;
        var taxi = tracker.CreateExperiment("taxi").ExperimentId;
        var linear = tracker.CreateRun(new NewRun(taxi, "linear")).RunId;
        tracker.LogParam(linear, "trainer", "sdca");
        tracker.LogMetric(linear, "rmse", 7.123456);
        tracker.LogMetric(linear, "mae", 5.1);
        tracker.UpdateRun(linear, RunStatus.Failed);
        var boosted = tracker.CreateRun(new NewRun(taxi, "boosted")).RunId;
        tracker.LogParam(boosted, "trainer", "lightgbm");
        tracker.LogParam(boosted, "learning_rate", "0.1");
        tracker.LogMetric(boosted, "rmse", 6.3);

        var table = TrackingTables.CompareRuns(tracker, [linear, boosted]);

        Assert.Equal(["", linear, boosted], table.Columns);
        Assert.Equal(
            [
                ["name", "linear", "boosted"],
                ["status", "FAILED", "RUNNING"],
                ["param: learning_rate", "", "0.1"],
                ["param: trainer", "sdca", "lightgbm"],
                ["metric: mae", "5.1", ""],
                ["metric: rmse", "7.1235", "6.3"],
            ],
            table.Rows);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Model_versions_lists_versions_oldest_first_with_aliases_months_hash_prefix_and_metrics(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        var (firstRun, firstArtifact) = store.RunWithModel("model 1");
        registry.CreateModelVersion(new NewModelVersion(Model, firstRun, firstArtifact.Path, "pu_do+distance")
        {
            Metrics = new Dictionary<string, double> { ["rmse"] = 7.123456, ["mae"] = 5.1 },
            DataMonths = ["2021-01", "2021-02"],
        });
        store.Clock.Advance(TimeSpan.FromHours(1));
        var (secondRun, secondArtifact) = store.RunWithModel("model 2");
        registry.CreateModelVersion(new NewModelVersion(Model, secondRun, secondArtifact.Path, "pu_do")
        {
            Metrics = new Dictionary<string, double> { ["rmse"] = 6.3 },
            DataMonths = ["2021-03"],
        });
        registry.SetAlias(Model, "champion", 2, "better rmse", "gate");
        registry.SetAlias(Model, "challenger", 2, "candidate", "gate");

        var table = TrackingTables.ModelVersions(registry, Model);

        Assert.Equal(["version", "aliases", "created", "run", "features", "months", "sha256", "mae", "rmse"], table.Columns);
        Assert.Equal(
            [
                ["1", "", "2021-03-01 08:00:00Z", firstRun, "pu_do+distance", "2021-01 2021-02", firstArtifact.Sha256[..12], "5.1", "7.1235"],
                ["2", "challenger, champion", "2021-03-01 09:00:00Z", secondRun, "pu_do", "2021-03", secondArtifact.Sha256[..12], "", "6.3"],
            ],
            table.Rows);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Alias_history_lists_every_move_in_order_with_a_dash_for_no_version(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        var registry = store.Registry;
        store.RegisterModelVersions(2);
        registry.SetAlias(Model, "champion", 1, "first model", "pipeline");
        store.Clock.Advance(TimeSpan.FromHours(1));
        registry.SetAlias(Model, "champion", 2, "better rmse", "gate");
        registry.DeleteAlias(Model, "champion", "retired", "alice");

        var table = TrackingTables.AliasHistory(registry, Model);

        Assert.Equal(["when", "alias", "from", "to", "actor", "reason"], table.Columns);
        Assert.Equal(
            [
                ["2021-03-01 08:00:00Z", "champion", "-", "1", "pipeline", "first model"],
                ["2021-03-01 09:00:00Z", "champion", "1", "2", "gate", "better rmse"],
                ["2021-03-01 09:00:00Z", "champion", "2", "-", "alice", "retired"],
            ],
            table.Rows);
    }
}
