using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>
/// Where a store lives, in plain strings (a SQLite file or a PostgreSQL connection string, and the artifact folder):
/// enough for a test, or a worker process it starts, to open the same store. The one place that knows how each
/// backend opens.
/// </summary>
internal sealed record StoreAddress(Backend Backend, string Location, string ArtifactRoot)
{
    /// <param name="clock">Time as the opening process sees it; the system clock when null.</param>
    /// <param name="ownership">Whose runs the connection creates; this process when null.</param>
    /// <param name="readOnly">Open as a serving host does: never migrating, refusing writes.</param>
    public StoreConnection Open(TimeProvider? clock = null, IRunOwnership? ownership = null, bool readOnly = false)
    {
        switch (Backend)
        {
            case Backend.Sqlite:
                var sqlite = TrackingStore.Open(
                    new TrackingStoreOptions
                    {
                        DatabasePath = Location,
                        ArtifactRoot = ArtifactRoot,
                        Access = readOnly ? TrackingStoreAccess.ReadOnly : TrackingStoreAccess.Create,
                    },
                    clock,
                    ownership);
                return new StoreConnection(sqlite.Tracker, sqlite.Registry, sqlite.ArtifactRoot, Resources: null);
            case Backend.Postgres:
                var postgres = PostgresTrackingStore.Open(
                    new PostgresTrackingOptions { ConnectionString = Location, ArtifactRoot = ArtifactRoot, ReadOnly = readOnly },
                    clock,
                    ownership);
                return new StoreConnection(postgres.Tracker, postgres.Registry, postgres.ArtifactRoot, postgres);
            default:
                throw new InvalidOperationException($"unknown backend {Backend}");
        }
    }

    /// <summary>The address as command-line arguments, read back by <see cref="FromArguments"/>.</summary>
    public string[] ToArguments() => [Backend.ToString(), Location, ArtifactRoot];

    public static StoreAddress FromArguments(string backend, string location, string artifactRoot) =>
        new(Enum.Parse<Backend>(backend), location, artifactRoot);
}
