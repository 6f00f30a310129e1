using System.Globalization;
using Microsoft.Data.Sqlite;
using TaxiDuration.Tracking.Backends;

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

    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private readonly TrackingStoreOptions options;
    private readonly TransientRetry<SqliteException> retry;
    private string connectionString;

    private SqliteDatabase(TrackingStoreOptions options)
    {
        this.options = options;
        FilePath = Path.GetFullPath(options.DatabasePath);
        connectionString = ConnectionString(FilePath, options, immutable: false);
        var path = FilePath;
        retry = new TransientRetry<SqliteException>(options.MaxBusyRetries, IsBusy, error => new TimeoutException(
            $"Tracking store '{path}' stayed locked by another process through {options.MaxBusyRetries} retries of {options.BusyTimeout}; {error.Message}", error));
    }

    public string FilePath { get; }

    /// <summary>
    /// Opens the store as <see cref="TrackingStoreOptions.Access"/> allows: creating and migrating it, using an
    /// existing one, or reading it without writing a byte.
    /// </summary>
    /// <exception cref="TrackingStoreException">The path is wrong or holds no usable store; the message says how to fix it.</exception>
    /// <exception cref="UnsupportedStoreVersionException">The file has a newer schema than this build knows.</exception>
    public static SqliteDatabase Open(TrackingStoreOptions options, int targetVersion = -1)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var database = new SqliteDatabase(options);
        database.CheckLocation();
        try
        {
            if (options.Access == TrackingStoreAccess.ReadOnly)
            {
                database.OpenReadOnly();
                return database;
            }

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
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteNotADatabase)
        {
            throw new TrackingStoreException(database.FilePath, "is not a SQLite tracking store (the file holds something else): move it away, or point TAXI_TRACKING_DIR (Tracking:Directory) at the store's folder.", error);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteCantOpen)
        {
            throw new TrackingStoreException(database.FilePath, $"cannot be opened ({error.Message}): check the folder exists and this process may read{(options.Access == TrackingStoreAccess.ReadOnly ? "" : " and write")} it.", error);
        }
    }

    // The mistakes a person makes with a folder setting, named before SQLite turns them into an opaque error.
    private void CheckLocation()
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        if (File.Exists(folder))
        {
            throw new TrackingStoreException(FilePath, $"cannot be created: '{folder}' is a file, not a folder. Point TAXI_TRACKING_DIR (Tracking:Directory) at a folder.");
        }

        if (Directory.Exists(FilePath))
        {
            throw new TrackingStoreException(FilePath, "is a folder, not the store file: remove it, or point TAXI_TRACKING_DIR (Tracking:Directory) at the folder that holds tracking.db.");
        }

        if (options.Access != TrackingStoreAccess.Create && !File.Exists(FilePath))
        {
            throw new TrackingStoreException(FilePath, "does not exist: train a model first (Train target), or point TAXI_TRACKING_DIR (Tracking:Directory) at the folder that holds tracking.db.");
        }
    }

    // A service reads the registry from a mount it may not write: nothing here writes (no WAL switch, no migration).
    // On a read-only file system SQLite cannot create the WAL index it needs; then the file is opened immutable, which
    // is exact because writers checkpoint when they close their connections (they never keep one open).
    private void OpenReadOnly()
    {
        int version;
        try
        {
            version = Read(connection => (int)connection.Scalar<long>("PRAGMA user_version;"));
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteCantOpen)
        {
            connectionString = ConnectionString(FilePath, options, immutable: true);
            version = Read(connection => (int)connection.Scalar<long>("PRAGMA user_version;"));
        }

        if (version != SchemaMigrations.LatestVersion)
        {
            throw version > SchemaMigrations.LatestVersion
                ? new UnsupportedStoreVersionException(FilePath, version, SchemaMigrations.LatestVersion)
                : new TrackingStoreException(FilePath, $"has schema version {version}, but this build reads version {SchemaMigrations.LatestVersion} and may not migrate a store it only reads: run any training or browsing command once to migrate it.");
        }
    }

    private static string ConnectionString(string path, TrackingStoreOptions options, bool immutable) => new SqliteConnectionStringBuilder
    {
        DataSource = immutable ? $"file:{path}?immutable=1" : path,
        Mode = options.Access == TrackingStoreAccess.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        // Pooled connections would keep the file open after the store is dropped; opening is cheap next to a write.
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
    }.ToString();

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
            connection.Execute(options.Access == TrackingStoreAccess.ReadOnly
                ? $"PRAGMA busy_timeout = {busyMilliseconds};"
                : $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private T WithRetry<T>(Func<T> attempt) => retry.Execute(attempt);

    private static bool IsBusy(SqliteException error) => error.SqliteErrorCode is SqliteBusy or SqliteLocked;
}
