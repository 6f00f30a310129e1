using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TaxiDuration.Tracking.Sqlite;

/// <summary>
/// The one SQLite file behind tracker and registry, made safe for several processes at once: WAL (readers never
/// block the writer), a busy timeout, write transactions taken with BEGIN IMMEDIATE (no lock upgrade deadlocks),
/// and a retry of the whole unit of work when SQLite still reports busy.
/// </summary>
internal sealed class SqliteDatabase
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string connectionString;
    private readonly TrackingStoreOptions options;

    private SqliteDatabase(TrackingStoreOptions options)
    {
        this.options = options;
        FilePath = Path.GetFullPath(options.DatabasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Pooled connections would keep the file open after the store is dropped; opening is cheap next to a write.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Opens (creating when missing) and migrates the store to the latest schema.</summary>
    /// <exception cref="UnsupportedStoreVersionException">The file has a newer schema than this build knows.</exception>
    public static SqliteDatabase Open(TrackingStoreOptions options, int targetVersion = -1)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var database = new SqliteDatabase(options);
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        database.WithRetry(() =>
        {
            using var connection = database.OpenConnection();
            // Persistent in the file; needs a moment of exclusive access the first time, hence inside the retry.
            connection.Execute("PRAGMA journal_mode = WAL;");
            return 0;
        });
        new SchemaMigrator(database).Migrate(targetVersion < 0 ? SchemaMigrations.LatestVersion : targetVersion);
        return database;
    }

    /// <summary>Runs a read; WAL gives it a consistent snapshot without blocking writers.</summary>
    public T Read<T>(Func<SqliteConnection, T> query) => WithRetry(() =>
    {
        using var connection = OpenConnection();
        return query(connection);
    });

    public void Read(Action<SqliteConnection> query) => Read(connection =>
    {
        query(connection);
        return 0;
    });

    /// <summary>Runs a unit of work in one write transaction; it may run again on busy, so it must only touch the database.</summary>
    public T Write<T>(Func<SqliteConnection, T> work) => WithRetry(() =>
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(connection);
        transaction.Commit();
        return result;
    });

    public void Write(Action<SqliteConnection> work) => Write(connection =>
    {
        work(connection);
        return 0;
    });

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var busyMilliseconds = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            // NORMAL is durable against a killed process in WAL mode (only power loss can drop the last commits).
            connection.Execute($"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private T WithRetry<T>(Func<T> attempt)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return attempt();
            }
            catch (SqliteException error) when (IsBusy(error) && retry < options.MaxBusyRetries)
            {
                // Jitter so processes that collided do not collide again in lock step.
                Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * (retry + 1)));
            }
            catch (SqliteException error) when (IsBusy(error))
            {
                throw new TimeoutException($"Tracking store '{FilePath}' stayed locked by another process through {options.MaxBusyRetries} retries of {options.BusyTimeout}; {error.Message}", error);
            }
        }
    }

    private static bool IsBusy(SqliteException error) => error.SqliteErrorCode is SqliteBusy or SqliteLocked;
}
