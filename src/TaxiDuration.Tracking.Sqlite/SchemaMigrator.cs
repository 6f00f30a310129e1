namespace TaxiDuration.Tracking.Sqlite;

/// <summary>
/// Brings a store to a schema version by running the missing migrations in order, each with its version bump in
/// the same transaction, so a crash mid-migration leaves the previous version intact.
/// </summary>
internal sealed class SchemaMigrator(SqliteDatabase database)
{
    public int CurrentVersion() => database.Read(connection => (int)connection.Scalar<long>("PRAGMA user_version;"));

    public void Migrate(int targetVersion)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, SchemaMigrations.LatestVersion);
        // Up to date is the common case: answer it with a read so opening never takes the write lock.
        if (RefuseNewer(CurrentVersion()) >= targetVersion)
        {
            return;
        }

        database.Write(connection =>
        {
            // Re-read under the write lock: another process may have migrated since the check above.
            var version = RefuseNewer((int)connection.Scalar<long>("PRAGMA user_version;"));
            for (var next = version + 1; next <= targetVersion; next++)
            {
                connection.Execute(SchemaMigrations.All[next - 1]);
                connection.Execute($"PRAGMA user_version = {next};");
            }
        });
    }

    private int RefuseNewer(int version) =>
        version > SchemaMigrations.LatestVersion
            ? throw new UnsupportedStoreVersionException(database.FilePath, version, SchemaMigrations.LatestVersion)
            : version;
}
