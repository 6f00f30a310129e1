using Npgsql;

namespace TaxiDuration.TestSupport;

/// <summary>
/// A database of its own for one test class (CREATE DATABASE with a random name), dropped when the class is done,
/// connections and all. Created on first use, so a class whose tests are all skipped never touches a server.
/// </summary>
public sealed class FreshDatabase : IDisposable
{
    private readonly string name = "taxi_test_" + Guid.NewGuid().ToString("N");
    private readonly Lazy<string> connectionString;

    public FreshDatabase() => connectionString = new(Create);

    /// <summary>Connects to this class's database.</summary>
    public string ConnectionString => connectionString.Value;

    /// <summary>
    /// A new empty schema in this database and a connection string whose search path names it first: a tracking store
    /// puts its tables there, so every test gets a store of its own without a database of its own.
    /// </summary>
    public (string Schema, string ConnectionString) CreateSchema()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        RawSql.Postgres(ConnectionString).Execute($"CREATE SCHEMA {schema};");
        return (schema, new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString);
    }

    public void Dispose()
    {
        if (connectionString.IsValueCreated)
        {
            // FORCE: a killed worker process may have left a session behind.
            OnServer($"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
        }
    }

    private string Create()
    {
        OnServer($"CREATE DATABASE {name};");
        return new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
    }

    private static void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Server() =>
        TestPostgres.ServerConnectionString ?? throw new InvalidOperationException($"{TestPostgres.VariableName} is not set");
}
