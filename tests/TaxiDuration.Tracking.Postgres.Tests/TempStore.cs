using Npgsql;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>
/// A store of its own for one test: a fresh schema in the class's database (tables go to the first schema of the
/// search path) and a fresh artifact folder, so tests never share rows or files and need no order.
/// </summary>
internal sealed class TempStore : IDisposable
{
    private readonly List<PostgresTrackingStore> opened = [];

    public TempStore(FreshDatabase database)
    {
        Schema = "t_" + Guid.NewGuid().ToString("N");
        new RawSql(database.ConnectionString).Execute($"CREATE SCHEMA {Schema};");
        ConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = Schema }.ConnectionString;
        Folder = Path.Combine(Path.GetTempPath(), "tracking-pg-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Options = new PostgresTrackingOptions { ConnectionString = ConnectionString, ArtifactRoot = Path.Combine(Folder, "artifacts") };
    }

    public static DateTimeOffset Start { get; } = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public string Schema { get; }

    /// <summary>The class database, with this test's schema as the search path.</summary>
    public string ConnectionString { get; }

    public string Folder { get; }

    public PostgresTrackingOptions Options { get; }

    public ManualClock Clock { get; } = new(Start);

    public RawSql Sql => new(ConnectionString);

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
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, "inputs", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be closing a file; a leftover temp folder is harmless.
        }
    }
}
