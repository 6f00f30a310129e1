using TaxiDuration.Tracking.Artifacts;

namespace TaxiDuration.Tracking.Sqlite;

/// <summary>
/// The embedded default backend: one SQLite file (WAL, migrated on open) plus a content-addressed artifact
/// folder, exposed only through <see cref="IExperimentTracker"/> and <see cref="IModelRegistry"/>.
/// Cheap to open; safe to open from several processes at once.
/// </summary>
public sealed class TrackingStore
{
    private TrackingStore(string databasePath, string artifactRoot, IExperimentTracker tracker, IModelRegistry registry)
    {
        DatabasePath = databasePath;
        ArtifactRoot = artifactRoot;
        Tracker = tracker;
        Registry = registry;
    }

    public string DatabasePath { get; }

    public string ArtifactRoot { get; }

    public IExperimentTracker Tracker { get; }

    public IModelRegistry Registry { get; }

    /// <summary>The schema version this build writes; a store with a higher one is refused.</summary>
    public static int SchemaVersion => SchemaMigrations.LatestVersion;

    /// <exception cref="UnsupportedStoreVersionException">The store was written by a newer version of this library.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static TrackingStore Open(TrackingStoreOptions options, TimeProvider? time = null, IRunOwnership? ownership = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = SqliteDatabase.Open(options);
        var files = new ContentAddressedFiles(options.ResolvedArtifactRoot);
        var clock = time ?? TimeProvider.System;
        return new TrackingStore(
            database.FilePath,
            files.Root,
            new SqliteExperimentTracker(database, files, clock, ownership ?? new LocalRunOwnership()),
            new SqliteModelRegistry(database, files, clock));
    }
}
