namespace TaxiDuration.Tracking.Postgres;

/// <summary>Which database and artifact folder the store uses and how it treats them. Validated when the store opens.</summary>
public sealed record PostgresTrackingOptions
{
    /// <summary>
    /// An Npgsql connection string (<c>Host=…;Port=…;Username=…;Database=…</c>). The database must exist; the store
    /// creates its tables in the first schema of the search path (<c>Search Path=…</c> chooses another than public,
    /// and the store creates it when it is a plain name).
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// Folder for artifact bytes, named by SHA-256. Unlike the SQLite file there is no place "next to the database":
    /// every host that logs or loads artifacts must mount the same folder here.
    /// </summary>
    public required string ArtifactRoot { get; init; }

    /// <summary>
    /// Serving: no migration, the exact schema version required, and every session read-only
    /// (<c>default_transaction_read_only</c>), so a misrouted write fails instead of changing the registry.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// How often a whole unit of work is retried after a deadlock or serialization failure, PostgreSQL's counterpart of
    /// SQLite's busy: the server already rolled it back, so running it again is safe.
    /// </summary>
    public int MaxTransientRetries { get; init; } = 10;

    /// <exception cref="ArgumentException">A setting is unusable; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException($"{nameof(PostgresTrackingOptions)}.{nameof(ConnectionString)} is required.", nameof(ConnectionString));
        }

        if (string.IsNullOrWhiteSpace(ArtifactRoot))
        {
            throw new ArgumentException($"{nameof(PostgresTrackingOptions)}.{nameof(ArtifactRoot)} is required: a folder every host of this store can read and write.", nameof(ArtifactRoot));
        }

        if (MaxTransientRetries is < 0 or > 1000)
        {
            throw new ArgumentException($"{nameof(PostgresTrackingOptions)}.{nameof(MaxTransientRetries)} must be between 0 and 1000, was {MaxTransientRetries}.", nameof(MaxTransientRetries));
        }
    }
}
