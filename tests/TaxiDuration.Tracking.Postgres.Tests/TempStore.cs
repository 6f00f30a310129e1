using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>
/// A store of its own for one test: a fresh schema in the class's database (tables go to the first schema of the
/// search path) and a fresh artifact folder, so tests never share rows or files and need no order.
/// </summary>
internal sealed class TempStore : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly List<PostgresTrackingStore> opened = [];

    public TempStore(FreshDatabase database)
    {
        ConnectionString = database.CreateSchema().ConnectionString;
        Options = new PostgresTrackingOptions { ConnectionString = ConnectionString, ArtifactRoot = folder.File("artifacts") };
    }

    /// <summary>The class database, with this test's schema as the search path.</summary>
    public string ConnectionString { get; }

    public string Folder => folder.Path;

    public PostgresTrackingOptions Options { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public RawSql Sql => RawSql.Postgres(ConnectionString);

    public PostgresTrackingStore Open(IRunOwnership? ownership = null) => Track(PostgresTrackingStore.Open(Options, Clock, ownership));

    public PostgresTrackingStore Track(PostgresTrackingStore store)
    {
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    /// <summary>Writes a file in the temp folder to log as an artifact.</summary>
    public string WriteFile(string name, string content) => folder.WriteFile(Path.Combine("inputs", name), content);

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        try
        {
            folder.Dispose();
        }
        catch (IOException)
        {
            // A child process may still be closing a file; a leftover temp folder is harmless.
        }
    }
}
