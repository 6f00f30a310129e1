using System.Data;
using Npgsql;
using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// The one database behind tracker and registry, shared by any number of processes and hosts. Writes run in READ
/// COMMITTED transactions that lock what they compare before changing it (the registered model's row for alias
/// moves and version numbers), so they need no serializable isolation; reads run in one REPEATABLE READ snapshot, so
/// a run and its params, metrics and tags are read as of one moment. Deadlocks and serialization failures are
/// retried as a whole unit of work, like SQLite's busy.
/// </summary>
internal sealed class PostgresDatabase : IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly TransientRetry<PostgresException> retry;

    private PostgresDatabase(NpgsqlDataSource dataSource, string location, int maxRetries)
    {
        this.dataSource = dataSource;
        Location = location;
        retry = new TransientRetry<PostgresException>(maxRetries, IsTransient, error => new TimeoutException(
            $"Tracking store '{location}' kept failing with {error.SqlState} ({error.MessageText}) through {maxRetries} retries; another writer holds what this one needs.", error));
    }

    /// <summary>Server, port and database as a URI without credentials: safe to print and to put in messages.</summary>
    public string Location { get; }

    /// <summary>
    /// Connects and, unless read-only, migrates to <paramref name="targetVersion"/> (default: this build's latest).
    /// </summary>
    /// <exception cref="PostgresStoreException">The server cannot be reached, the login or database is wrong, or a read-only store is not at this build's version.</exception>
    /// <exception cref="UnsupportedStoreVersionException">The database has a newer schema than this build knows.</exception>
    public static PostgresDatabase Open(PostgresTrackingOptions options, int targetVersion = -1)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName ??= "TaxiDuration.Tracking";
        if (options.ReadOnly)
        {
            settings.Options = $"{settings.Options} -c default_transaction_read_only=on".Trim();
        }

        var location = $"postgresql://{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
        var database = new PostgresDatabase(builder.Build(), location, options.MaxTransientRetries);
        try
        {
            var migrator = new SchemaMigrator(database, SchemaMigrator.OwnSchema(settings.SearchPath));
            if (options.ReadOnly)
            {
                migrator.RequireExactly(SchemaMigrations.LatestVersion);
            }
            else
            {
                migrator.Migrate(targetVersion < 0 ? SchemaMigrations.LatestVersion : targetVersion);
            }

            return database;
        }
        catch (Exception error)
        {
            database.Dispose();
            if (Explain(error, location) is { } explained)
            {
                throw explained;
            }

            throw;
        }
    }

    /// <summary>Runs a read in one snapshot; PostgreSQL's MVCC never blocks it behind writers.</summary>
    public T Read<T>(Func<NpgsqlConnection, T> query) => WithRetry(() =>
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var result = query(connection);
        transaction.Commit();
        return result;
    });

    public void Read(Action<NpgsqlConnection> query) => Read(connection =>
    {
        query(connection);
        return 0;
    });

    /// <summary>Runs a unit of work in one transaction; it may run again after a deadlock, so it must only touch the database.</summary>
    public T Write<T>(Func<NpgsqlConnection, T> work) => WithRetry(() =>
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        var result = work(connection);
        transaction.Commit();
        return result;
    });

    public void Write(Action<NpgsqlConnection> work) => Write(connection =>
    {
        work(connection);
        return 0;
    });

    public void Dispose() => dataSource.Dispose();

    private T WithRetry<T>(Func<T> attempt) => retry.Execute(attempt);

    private static bool IsTransient(PostgresException error) =>
        error.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    // The mistakes a person makes with a connection string, named before Npgsql's own message alone reaches them.
    private static Exception? Explain(Exception error, string location) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing =>
            new PostgresStoreException(location, $"does not exist ({missing.MessageText}): create the database (CREATE DATABASE) or fix Database= in the connection string.", error),
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } login =>
            new PostgresStoreException(location, $"refused the login ({login.MessageText}): check Username= and Password= in the connection string.", error),
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } unreachable =>
            new PostgresStoreException(location, $"cannot be reached ({unreachable.InnerException!.Message}): check Host= and Port= and that the server runs (build/postgres.sh start <dir> <port> starts a local one).", error),
        _ => null,
    };
}
