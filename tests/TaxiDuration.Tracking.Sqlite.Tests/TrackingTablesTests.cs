using TaxiDuration.Reporting;
using TaxiDuration.Tracking.Browsing;

namespace TaxiDuration.Tracking.Sqlite.Tests;

public sealed class TrackingTablesTests : IDisposable
{
    private readonly TempStore temp = new();
    private readonly TrackingStore store;

    public TrackingTablesTests() => store = temp.Open();

    [Fact]
    public void Runs_table_has_one_row_per_run_newest_first_with_the_latest_value_of_every_metric()
    {
        var (baseline, tuned) = TwoRuns();

        var table = TrackingTables.Runs(store.Tracker, "taxi");

        Assert.Equal(["run", "name", "parent", "status", "started", "duration", "mae", "rmse"], table.Columns);
        Assert.Equal([tuned, baseline], table.Rows.Select(row => row[0]));
        Assert.Equal(["tuned", "", "RUNNING", "2021-03-01 08:01:00Z", "", "", "6.3"], table.Rows[0].Skip(1));
        Assert.Equal(["linear", "", "FINISHED", "2021-03-01 08:00:00Z", "30.0 s", "5.1", "7.48"], table.Rows[1].Skip(1));
    }

    [Fact]
    public void Comparing_runs_lists_the_union_of_params_and_metrics_side_by_side()
    {
        var (baseline, tuned) = TwoRuns();

        var table = TrackingTables.CompareRuns(store.Tracker, [baseline, tuned]);

        Assert.Equal(["", baseline, tuned], table.Columns);
        Assert.Equal(
            [
                ["name", "linear", "tuned"],
                ["status", "FINISHED", "RUNNING"],
                ["param: learning_rate", "", "0.1"],
                ["param: trainer", "sdca", "lightgbm"],
                ["metric: mae", "5.1", ""],
                ["metric: rmse", "7.48", "6.3"],
            ],
            table.Rows);
    }

    [Fact]
    public void Version_and_alias_history_tables_show_aliases_and_moves()
    {
        var (baseline, tuned) = TwoRuns();
        foreach (var run in new[] { baseline, tuned })
        {
            var artifact = store.Tracker.LogArtifact(run, temp.WriteFile(run + ".zip", run));
            store.Registry.CreateModelVersion(new NewModelVersion("taxi-duration", run, artifact.Path, "pu_do") { DataMonths = ["2021-01"] });
        }

        store.Registry.SetAlias("taxi-duration", "champion", 1, "first", "pipeline");
        store.Registry.SetAlias("taxi-duration", "champion", 2, "better rmse", "gate");

        var versions = TrackingTables.ModelVersions(store.Registry, "taxi-duration");
        var history = TrackingTables.AliasHistory(store.Registry, "taxi-duration");

        Assert.Equal(["1", "2"], versions.Rows.Select(row => row[0]));
        Assert.Equal(["", "champion"], versions.Rows.Select(row => row[1]));
        Assert.Equal([baseline, tuned], versions.Rows.Select(row => row[3]));
        Assert.Equal([["-", "1", "pipeline", "first"], ["1", "2", "gate", "better rmse"]], history.Rows.Select(row => row.Skip(2).ToArray()));
    }

    [Fact]
    public void Tables_render_as_markdown_and_aligned_text()
    {
        var table = new Table(["name", "rmse"], [["linear|ols", "7.48"], ["xgboost", "6.3"]]);

        Assert.Equal(
            "| name | rmse |\n| --- | --- |\n| linear\\|ols | 7.48 |\n| xgboost | 6.3 |\n",
            table.ToMarkdown().ReplaceLineEndings("\n"));
        Assert.Equal(
            "name        rmse\n----------  ----\nlinear|ols  7.48\nxgboost     6.3\n",
            table.ToPlainText().ReplaceLineEndings("\n"));
    }

    public void Dispose() => temp.Dispose();

    private (string Baseline, string Tuned) TwoRuns()
    {
        var tracker = store.Tracker;
        var experiment = tracker.CreateExperiment("taxi").ExperimentId;
        var baseline = tracker.CreateRun(new NewRun(experiment, "linear")).RunId;
        tracker.LogParam(baseline, "trainer", "sdca");
        tracker.LogMetric(baseline, "rmse", 7.48);
        tracker.LogMetric(baseline, "mae", 5.1);
        temp.Clock.Advance(TimeSpan.FromSeconds(30));
        tracker.UpdateRun(baseline, RunStatus.Finished);
        temp.Clock.Advance(TimeSpan.FromSeconds(30));
        var tuned = tracker.CreateRun(new NewRun(experiment, "tuned")).RunId;
        tracker.LogParam(tuned, "trainer", "lightgbm");
        tracker.LogParam(tuned, "learning_rate", "0.1");
        tracker.LogMetric(tuned, "rmse", 6.3);
        return (baseline, tuned);
    }
}
