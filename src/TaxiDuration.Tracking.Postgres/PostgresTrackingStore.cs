using TaxiDuration.Tracking.Artifacts;

namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// The server backend: one PostgreSQL database (migrated on open) plus a content-addressed artifact folder every
/// host mounts, exposed only through <see cref="IExperimentTracker"/> and <see cref="IModelRegistry"/>. Safe to open
/// from any number of processes and hosts at once. Disposable, unlike the SQLite store, because it owns a
/// connection pool: a server connection per open store would otherwise outlive it.
/// </summary>
public sealed class PostgresTrackingStore : IDisposable
{
    private readonly PostgresDatabase database;

    private PostgresTrackingStore(PostgresDatabase database, string artifactRoot, IExperimentTracker tracker, IModelRegistry registry)
    {
        this.database = database;
        ArtifactRoot = artifactRoot;
        Tracker = tracker;
        Registry = registry;
    }

    /// <summary>Server and database as a URI without credentials.</summary>
    public string Location => database.Location;

    public string ArtifactRoot { get; }

    public IExperimentTracker Tracker { get; }

    public IModelRegistry Registry { get; }

    /// <summary>The schema version this build writes; a database with a higher one is refused.</summary>
    public static int SchemaVersion => SchemaMigrations.LatestVersion;

    /// <exception cref="UnsupportedStoreVersionException">The database was migrated by a newer version of this library.</exception>
    /// <exception cref="PostgresStoreException">The database cannot be used as asked; the message says why and what to fix.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static PostgresTrackingStore Open(PostgresTrackingOptions options, TimeProvider? time = null, IRunOwnership? ownership = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = PostgresDatabase.Open(options);
        var files = new ContentAddressedFiles(options.ArtifactRoot);
        var clock = time ?? TimeProvider.System;
        return new PostgresTrackingStore(
            database,
            files.Root,
            new PostgresExperimentTracker(database, files, clock, ownership ?? new LocalRunOwnership()),
            new PostgresModelRegistry(database, files, clock));
    }

    public void Dispose() => database.Dispose();
}
