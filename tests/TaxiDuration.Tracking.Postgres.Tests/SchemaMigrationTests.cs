using TaxiDuration.TestSupport;
namespace TaxiDuration.Tracking.Postgres.Tests;

public sealed class SchemaMigrationTests : IClassFixture<FreshDatabase>, IDisposable
{
    private const string TablesInSchema =
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name COLLATE \"C\";";

    // Tables, columns, triggers and functions of the test's schema: what a migration changes.
    private const string SchemaShape = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns WHERE table_schema = current_schema()
        UNION ALL SELECT 'trigger ' || event_object_table || '.' || trigger_name || ' ' || event_manipulation FROM information_schema.triggers WHERE trigger_schema = current_schema()
        UNION ALL SELECT 'function ' || routine_name FROM information_schema.routines WHERE routine_schema = current_schema()
        ORDER BY 1;
        """;

    private readonly TempStore temp;

    public SchemaMigrationTests(FreshDatabase database) => temp = new TempStore(database);

    [PostgresFact]
    public void Opening_an_empty_schema_creates_every_table_at_the_latest_version()
    {
        temp.Open();

        Assert.Equal(
            ["alias_history", "artifacts", "data_fingerprints", "deployment_decisions", "experiments", "metrics", "model_aliases", "model_version_metrics",
             "model_version_months", "model_version_tags", "model_versions", "params", "registered_models", "runs", "schema_version", "tags"],
            temp.Sql.Strings(TablesInSchema));
        Assert.Equal(["1", "2", "3"], temp.Sql.Strings("SELECT version FROM schema_version ORDER BY version;"));
        Assert.Equal(PostgresTrackingStore.SchemaVersion, (int)temp.Sql.Long("SELECT MAX(version) FROM schema_version;"));
    }

    [PostgresFact]
    public void Reopening_an_up_to_date_store_changes_nothing_and_keeps_the_data()
    {
        var first = temp.Open();
        var experiment = first.Tracker.CreateExperiment("taxi");
        var shapeBefore = temp.Sql.Strings(SchemaShape);

        var second = temp.Open();

        Assert.Equal(shapeBefore, temp.Sql.Strings(SchemaShape));
        Assert.Equal(3L, temp.Sql.Long("SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(experiment, second.Tracker.GetExperimentByName("taxi"));
    }

    [PostgresFact]
    public void Processes_opening_an_empty_database_at_once_migrate_it_exactly_once()
    {
        const int Openers = 8;
        using var start = new Barrier(Openers);

        var stores = Enumerable.Range(0, Openers).AsParallel().WithDegreeOfParallelism(Openers).Select(_ =>
        {
            start.SignalAndWait();
            return temp.Track(PostgresTrackingStore.Open(temp.Options));
        }).ToArray();

        Assert.Equal(["1", "2", "3"], temp.Sql.Strings("SELECT version FROM schema_version ORDER BY version;"));
        Assert.Equal(1L, temp.Sql.Long("SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = current_schema() AND routine_name = 'tracking_refuse_change';"));
        Assert.All(stores, store => Assert.Equal("taxi", store.Tracker.GetOrCreateExperiment("taxi").Name));
    }

    [PostgresFact]
    public void A_store_at_an_older_version_is_migrated_in_order_and_keeps_its_runs()
    {
        PostgresDatabase.Open(temp.Options, targetVersion: 1).Dispose();
        Assert.Equal(["1"], temp.Sql.Strings("SELECT version FROM schema_version;"));
        Assert.DoesNotContain("model_versions", temp.Sql.Strings(TablesInSchema));
        temp.Sql.Execute("INSERT INTO experiments (name, created_ms) VALUES ('from-v1', 0);");

        var store = temp.Open();

        Assert.Equal(["1", "2", "3"], temp.Sql.Strings("SELECT version FROM schema_version ORDER BY version;"));
        Assert.NotNull(store.Tracker.GetExperimentByName("from-v1"));
        Assert.Empty(store.Registry.ListRegisteredModels());
    }

    [PostgresFact]
    public void A_store_written_by_a_newer_version_is_refused_and_left_untouched()
    {
        temp.Open().Tracker.CreateExperiment("taxi");
        var newer = PostgresTrackingStore.SchemaVersion + 5;
        temp.Sql.Execute($"INSERT INTO schema_version (version, applied_ms) VALUES ({newer}, 0);");
        var shapeBefore = temp.Sql.Strings(SchemaShape);

        var error = Assert.Throws<UnsupportedStoreVersionException>(() => temp.Open());

        Assert.Equal(newer, error.StoreVersion);
        Assert.Equal(PostgresTrackingStore.SchemaVersion, error.SupportedVersion);
        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Equal(newer, (int)temp.Sql.Long("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(shapeBefore, temp.Sql.Strings(SchemaShape));
    }

    [PostgresFact]
    public void A_read_only_store_is_never_migrated_and_refuses_writes_at_the_database()
    {
        var readOnly = temp.Options with { ReadOnly = true };

        var unmigrated = Assert.Throws<PostgresStoreException>(() => PostgresTrackingStore.Open(readOnly));
        Assert.Contains("schema version 0", unmigrated.Message, StringComparison.Ordinal);
        Assert.Empty(temp.Sql.Strings(TablesInSchema));

        var writer = temp.Open();
        var experiment = writer.Tracker.CreateExperiment("taxi");
        var reader = temp.Track(PostgresTrackingStore.Open(readOnly));

        Assert.Equal(experiment, reader.Tracker.GetExperimentByName("taxi"));
        var refused = Assert.Throws<Npgsql.PostgresException>(() => reader.Tracker.CreateExperiment("sneaky"));
        Assert.Equal(Npgsql.PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    public void Dispose() => temp.Dispose();
}
