using Npgsql;

namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// Brings a database to a schema version by running the missing migrations in order, in one transaction with their
/// <c>schema_version</c> rows (PostgreSQL's DDL is transactional: a crash mid-migration leaves the previous version
/// intact). Processes that open a fresh database at once queue on a transaction-scoped advisory lock, so exactly one
/// migrates and the others find the work done; the lock ends with the transaction, even when its process is killed.
/// A store given a schema of its own (<c>Search Path=team_a</c>) creates that schema too, so one database can hold
/// several stores (a team's, a demo's) without anyone preparing them by hand.
/// </summary>
internal sealed partial class SchemaMigrator(PostgresDatabase database, string? ownSchema)
{
    // Keyed by the schema the tables go to, so stores in different schemas of one database do not wait on each other.
    private const string TakeMigrationLock =
        "SELECT pg_advisory_xact_lock(hashtext('TaxiDuration.Tracking schema migration ' || coalesce(current_schema(), '')));";

    public int CurrentVersion() => database.Read(ReadVersion);

    public void Migrate(int targetVersion)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, SchemaMigrations.LatestVersion);
        // Up to date is the common case: answer it with a read so opening never queues behind a migration lock.
        if (RefuseNewer(CurrentVersion()) >= targetVersion)
        {
            return;
        }

        database.Write(connection =>
        {
            connection.Execute(TakeMigrationLock);
            if (ownSchema is not null)
            {
                connection.Execute($"CREATE SCHEMA IF NOT EXISTS {ownSchema};");
            }

            connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_ms bigint NOT NULL);");
            // Re-read under the lock: another process may have migrated since the check above.
            var version = RefuseNewer(ReadVersion(connection));
            for (var next = version + 1; next <= targetVersion; next++)
            {
                connection.Execute(SchemaMigrations.All[next - 1]);
                // The server's clock: when the schema changed is a fact about the database, not about this process.
                connection.Execute(
                    "INSERT INTO schema_version (version, applied_ms) VALUES (@version, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);",
                    ("version", next));
            }
        });
    }

    /// <summary>For a read-only store, which may not migrate: anything but this build's version is refused.</summary>
    public void RequireExactly(int version)
    {
        var current = RefuseNewer(CurrentVersion());
        if (current != version)
        {
            throw new PostgresStoreException(
                database.Location,
                $"has schema version {current}, but this build reads version {version} and may not migrate a store it only reads: open it once read-write (any training or browsing command) to migrate it.");
        }
    }

    /// <summary>
    /// The first schema of a connection string's search path when it is a plain identifier the store may create;
    /// null for none, <c>"$user"</c> or a quoted name (those are the administrator's to create).
    /// </summary>
    public static string? OwnSchema(string? searchPath) =>
        searchPath?.Split(',')[0].Trim() is { } first && PlainIdentifier().IsMatch(first) ? first : null;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial System.Text.RegularExpressions.Regex PlainIdentifier();

    // No schema_version table yet is version 0: the database is empty, or holds only other applications' tables.
    private static int ReadVersion(NpgsqlConnection connection) =>
        connection.Scalar<bool>("SELECT to_regclass('schema_version') IS NOT NULL;")
            ? connection.Scalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version;")
            : 0;

    private int RefuseNewer(int version) =>
        version > SchemaMigrations.LatestVersion
            ? throw new UnsupportedStoreVersionException(database.Location, version, SchemaMigrations.LatestVersion)
            : version;
}
