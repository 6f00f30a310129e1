using Microsoft.Data.Sqlite;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Sqlite.Tests;

public sealed class SchemaMigrationTests : IDisposable
{
    private readonly TempStore temp = new();

    [Fact]
    public void Opening_a_missing_file_creates_every_table_at_the_latest_version_in_WAL_mode()
    {
        temp.Open();

        Assert.Equal(TrackingStore.SchemaVersion, Pragma("user_version"));
        Assert.Equal("wal", PragmaText("journal_mode"));
        var tables = Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        Assert.Equal(
            ["alias_history", "artifacts", "data_fingerprints", "deployment_decisions", "experiments", "metrics", "model_aliases", "model_version_metrics",
             "model_version_months", "model_version_tags", "model_versions", "params", "registered_models", "runs", "tags"],
            tables);
    }

    [Fact]
    public void Opening_an_empty_existing_file_migrates_it_from_scratch()
    {
        File.WriteAllBytes(temp.Options.DatabasePath, []);

        var store = temp.Open();

        Assert.Equal(TrackingStore.SchemaVersion, Pragma("user_version"));
        Assert.NotNull(store.Tracker.GetOrCreateExperiment("taxi"));
    }

    [Fact]
    public void Reopening_an_up_to_date_store_changes_nothing_and_keeps_the_data()
    {
        var first = temp.Open();
        var experiment = first.Tracker.CreateExperiment("taxi");
        var schemaBefore = Query("SELECT sql FROM sqlite_master ORDER BY name;");

        var second = temp.Open();

        Assert.Equal(TrackingStore.SchemaVersion, Pragma("user_version"));
        Assert.Equal(schemaBefore, Query("SELECT sql FROM sqlite_master ORDER BY name;"));
        Assert.Equal(experiment, second.Tracker.GetExperimentByName("taxi"));
    }

    [Fact]
    public void A_store_at_an_older_version_is_migrated_in_order_and_keeps_its_runs()
    {
        SqliteDatabase.Open(temp.Options, targetVersion: 1);
        Assert.Equal(1, Pragma("user_version"));
        Assert.Empty(Query("SELECT name FROM sqlite_master WHERE name = 'model_versions';"));
        Execute("INSERT INTO experiments (name, created_ms) VALUES ('from-v1', 0);");

        var store = temp.Open();

        Assert.Equal(TrackingStore.SchemaVersion, Pragma("user_version"));
        Assert.NotNull(store.Tracker.GetExperimentByName("from-v1"));
        Assert.Empty(store.Registry.ListRegisteredModels());
    }

    [Fact]
    public void Migrating_a_version_3_store_keeps_its_params_and_makes_them_immutable_in_the_database()
    {
        SqliteDatabase.Open(temp.Options, targetVersion: 3);
        Execute("INSERT INTO experiments (name, created_ms) VALUES ('v3', 0);");
        Execute("""
            INSERT INTO runs (run_id, experiment_id, name, status, start_ms, owner_host, owner_pid, owner_started_ms)
            VALUES ('r1', 1, 'run', 'FINISHED', 0, 'host', 1, 0);
            INSERT INTO params (run_id, key, value) VALUES ('r1', 'trainer', 'sdca');
            """);
        Execute("UPDATE params SET value = 'edited-before-4';");

        temp.Open();

        Assert.Equal(4, Pragma("user_version"));
        Assert.Equal(["edited-before-4"], Query("SELECT value FROM params;"));
        var update = Assert.Throws<SqliteException>(() => Execute("UPDATE params SET value = 'fasttree';"));
        var delete = Assert.Throws<SqliteException>(() => Execute("DELETE FROM params;"));
        Assert.Contains("params are immutable", update.Message, StringComparison.Ordinal);
        Assert.Contains("params are immutable", delete.Message, StringComparison.Ordinal);
        Assert.Equal(["edited-before-4"], Query("SELECT value FROM params;"));
    }

    [Fact]
    public void A_store_written_by_a_newer_version_is_refused_and_left_untouched()
    {
        temp.Open().Tracker.CreateExperiment("taxi");
        var newer = TrackingStore.SchemaVersion + 5;
        Execute($"PRAGMA user_version = {newer};");

        var error = Assert.Throws<UnsupportedStoreVersionException>(() => temp.Open());

        Assert.Equal(newer, error.StoreVersion);
        Assert.Equal(TrackingStore.SchemaVersion, error.SupportedVersion);
        Assert.Contains(temp.Options.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Equal(newer, Pragma("user_version"));
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_setting()
    {
        var options = temp.Options with { BusyTimeout = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => TrackingStore.Open(options));

        Assert.Contains(nameof(TrackingStoreOptions.BusyTimeout), error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private long Pragma(string name) => temp.Sql.Long($"PRAGMA {name};");

    private string PragmaText(string name) => (string)temp.Sql.Scalar($"PRAGMA {name};")!;

    private void Execute(string sql) => temp.Sql.Execute(sql);

    private List<string> Query(string sql) => temp.Sql.Strings(sql);
}
