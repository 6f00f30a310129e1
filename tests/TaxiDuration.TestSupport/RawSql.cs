using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace TaxiDuration.TestSupport;

/// <summary>
/// Direct SQL on a tracking store's database, bypassing the library: to inspect what it wrote or to damage it on
/// purpose. Each statement gets an unpooled connection of its own, so nothing it does lingers beside the store's.
/// </summary>
public sealed class RawSql
{
    private readonly Func<DbConnection> connect;

    private RawSql(Func<DbConnection> connect) => this.connect = connect;

    /// <summary>On a SQLite store file.</summary>
    public static RawSql Sqlite(string databasePath)
    {
        var unpooled = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ConnectionString;
        return new RawSql(() => new SqliteConnection(unpooled));
    }

    /// <summary>On the PostgreSQL database (and search path) the connection string names.</summary>
    public static RawSql Postgres(string connectionString)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        return new RawSql(() => new NpgsqlConnection(unpooled));
    }

    public int Execute(string sql) => With(sql, command => command.ExecuteNonQuery());

    public object? Scalar(string sql) => With(sql, command => command.ExecuteScalar());

    public long Long(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    /// <summary>The first column of every row, as text ("" for NULL).</summary>
    public List<string> Strings(string sql) => With(sql, command =>
    {
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    });

    /// <summary>Runs the statement expecting the database to refuse it, and returns the database's error.</summary>
    public TException Refused<TException>(string sql)
        where TException : DbException => Assert.Throws<TException>(() => Execute(sql));

    private T With<T>(string sql, Func<DbCommand, T> work)
    {
        using var connection = connect();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return work(command);
    }
}
