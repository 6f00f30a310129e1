using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>
/// A store of its own for one contract test, on the backend the test's row names, so the test body is written once
/// for every backend: an empty store already opened (<see cref="Tracker"/>, <see cref="Registry"/>), a hand-moved
/// clock, a folder for input files, more connections as other processes would open, and the backend's own SQL for
/// the few tests that must inspect or damage the database. Everything it opened is closed on dispose.
/// </summary>
internal abstract class ContractStore : IDisposable
{
    private readonly TemporaryFolder folder;
    private readonly List<StoreConnection> connections = [];
    private readonly StoreConnection main;

    protected ContractStore(TemporaryFolder folder, StoreAddress address, RawSql sql)
    {
        this.folder = folder;
        Address = address;
        Sql = sql;
        main = Connect();
    }

    /// <summary>When every contract store's clock starts.</summary>
    public static DateTimeOffset Start { get; } = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public StoreAddress Address { get; }

    public ManualClock Clock { get; } = new(Start);

    public IExperimentTracker Tracker => main.Tracker;

    public IModelRegistry Registry => main.Registry;

    /// <summary>The artifact folder as the opened store resolved it.</summary>
    public string ArtifactRoot => main.ArtifactRoot;

    /// <summary>SQL straight to this store's database, past the library.</summary>
    public RawSql Sql { get; }

    /// <summary>A store for this test on <paramref name="backend"/>; PostgreSQL's is a fresh schema in the class's database.</summary>
    public static ContractStore Create(Backend backend, FreshDatabase database) => backend switch
    {
        Backend.Sqlite => new SqliteContractStore(),
        Backend.Postgres => new PostgresContractStore(database),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "no contract store for this backend"),
    };

    /// <summary>Another connection to the same store, as another process opens it, creating runs owned by <paramref name="ownership"/>.</summary>
    public StoreConnection Connect(IRunOwnership? ownership = null) => Track(Address.Open(Clock, ownership));

    /// <summary>A connection as a serving host opens the store: read-only.</summary>
    public StoreConnection ConnectReadOnly() => Track(Address.Open(Clock, readOnly: true));

    /// <summary>Writes a file in the test's folder (outside the store) to log as an artifact.</summary>
    public string WriteFile(string name, string content) => folder.WriteFile(Path.Combine("inputs", name), content);

    /// <summary>
    /// Asserts that the database itself (a trigger, not the library) refuses every statement that would change or
    /// remove the table's rows, saying <paramref name="rule"/>. <paramref name="assignment"/> is an UPDATE's SET clause.
    /// </summary>
    public abstract void AssertDatabaseRefusesChanges(string table, string assignment, string rule);

    /// <summary>
    /// Makes the database fail every insert into the table with <paramref name="message"/>, as a full disk or a crash
    /// would; with <paramref name="when"/> (SQL on the new row, e.g. <c>NEW.alias = 'x'</c>) only the inserts it matches,
    /// so a failure can be placed after some of an operation's writes have succeeded.
    /// </summary>
    public abstract void FailInsertsInto(string table, string message, string? when = null);

    /// <summary>Undoes <see cref="FailInsertsInto"/>.</summary>
    public abstract void StopFailingInsertsInto(string table);

    public void Dispose()
    {
        lock (connections)
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }

        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The statements both databases understand that change or remove every row of the table.</summary>
    protected static IEnumerable<string> RowChanges(string table, string assignment) =>
        [$"UPDATE {table} SET {assignment};", $"DELETE FROM {table};"];

    private StoreConnection Track(StoreConnection connection)
    {
        // Tests open connections from parallel threads, as racing processes would.
        lock (connections)
        {
            connections.Add(connection);
        }

        return connection;
    }
}
