namespace TaxiDuration.Tracking.Sqlite;

/// <summary>Where the embedded store lives and how patiently it waits for other writers. Validated when the store opens.</summary>
public sealed record TrackingStoreOptions
{
    /// <summary>
    /// Environment variable (read through configuration) naming the store's folder when <c>Tracking:Directory</c> is
    /// not set; every level-2+ host and Cake target honours it.
    /// </summary>
    public const string DirectoryVariable = "TAXI_TRACKING_DIR";

    /// <summary>The store's file name inside its folder.</summary>
    public const string DatabaseFileName = "tracking.db";

    /// <summary>The SQLite file holding experiments, runs and the registry (created when missing).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Folder for artifact bytes, named by SHA-256; defaults to <c>artifacts</c> next to the database.</summary>
    public string? ArtifactRoot { get; init; }

    /// <summary>What the opening process may do: create, use an existing store, or only read it (see <see cref="TrackingStoreAccess"/>).</summary>
    public TrackingStoreAccess Access { get; init; } = TrackingStoreAccess.Create;

    /// <summary>How long SQLite itself waits for a lock held by another process before reporting busy.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a whole unit of work is retried when SQLite still reports busy after <see cref="BusyTimeout"/>.</summary>
    public int MaxBusyRetries { get; init; } = 10;

    public string ResolvedArtifactRoot =>
        ArtifactRoot ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, "artifacts");

    /// <exception cref="ArgumentException">A setting is unusable; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException($"{nameof(TrackingStoreOptions)}.{nameof(DatabasePath)} is required.", nameof(DatabasePath));
        }

        if (ArtifactRoot is not null && string.IsNullOrWhiteSpace(ArtifactRoot))
        {
            throw new ArgumentException($"{nameof(TrackingStoreOptions)}.{nameof(ArtifactRoot)} is blank; leave it unset to use the default.", nameof(ArtifactRoot));
        }

        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"{nameof(TrackingStoreOptions)}.{nameof(BusyTimeout)} must be between 0 and 10 minutes, was {BusyTimeout}.", nameof(BusyTimeout));
        }

        if (MaxBusyRetries is < 0 or > 1000)
        {
            throw new ArgumentException($"{nameof(TrackingStoreOptions)}.{nameof(MaxBusyRetries)} must be between 0 and 1000, was {MaxBusyRetries}.", nameof(MaxBusyRetries));
        }
    }
}
