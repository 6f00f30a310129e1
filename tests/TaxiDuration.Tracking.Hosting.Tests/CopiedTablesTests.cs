using System.Text.RegularExpressions;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Hosting.StoreCopy;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.Tests;

/// <summary>
/// The copy's table list against both schemas as this build migrates them, so a migration that adds a table or a
/// column fails here until the copy carries it, instead of a copy silently leaving data behind.
/// </summary>
public sealed class CopiedTablesTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void The_table_list_is_for_the_schema_versions_the_backends_write()
    {
        Assert.Equal(CopiedTables.SqliteSchemaVersion, TrackingStore.SchemaVersion);
        Assert.Equal(CopiedTables.PostgresSchemaVersion, PostgresTrackingStore.SchemaVersion);
    }

    [Fact]
    public void Every_column_of_every_SQLite_table_is_read()
    {
        var store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = folder.File(TrackingStoreOptions.DatabaseFileName) });
        var sql = RawSql.Sqlite(store.DatabasePath);
        var tables = sql.Strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';");

        Assert.Equal(tables.Order(StringComparer.Ordinal), CopiedTables.All.Select(table => table.Name).Order(StringComparer.Ordinal));
        foreach (var table in CopiedTables.All)
        {
            var read = table.Columns.Where(column => !table.ReadAs.ContainsKey(column)).ToHashSet(StringComparer.Ordinal);
            foreach (var column in sql.Strings($"SELECT name FROM pragma_table_info('{table.Name}');"))
            {
                Assert.True(
                    read.Contains(column) || table.ReadAs.Values.Any(expression => Regex.IsMatch(expression, $@"\b{column}\b")),
                    $"{table.Name}.{column} is not read by the copy");
            }
        }
    }

    [PostgresFact]
    public void Every_column_of_every_PostgreSQL_table_is_filled()
    {
        using var database = new FreshDatabase();
        PostgresTrackingStore.Open(new PostgresTrackingOptions { ConnectionString = database.ConnectionString, ArtifactRoot = folder.Path }).Dispose();
        var sql = RawSql.Postgres(database.ConnectionString);
        var tables = sql.Strings("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_version';");

        Assert.Equal(tables.Order(StringComparer.Ordinal), CopiedTables.All.Select(table => table.Name).Order(StringComparer.Ordinal));
        foreach (var table in CopiedTables.All)
        {
            var columns = sql.Strings($"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table.Name}';");
            Assert.Equal(columns.Order(StringComparer.Ordinal), table.Columns.Order(StringComparer.Ordinal));
        }
    }

    public void Dispose() => folder.Dispose();
}
