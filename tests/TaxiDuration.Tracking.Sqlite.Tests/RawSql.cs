using Microsoft.Data.Sqlite;

namespace TaxiDuration.Tracking.Sqlite.Tests;

/// <summary>Direct SQL on a store file, bypassing the library: to inspect what it wrote or to damage it on purpose.</summary>
internal sealed class RawSql(string databasePath)
{
    public int Execute(string sql) => With(connection => Command(connection, sql).ExecuteNonQuery());

    public object? Scalar(string sql) => With(connection => Command(connection, sql).ExecuteScalar());

    public long Long(string sql) => (long)Scalar(sql)!;

    public List<string> Strings(string sql) => With(connection =>
    {
        using var reader = Command(connection, sql).ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString()!);
        }

        return values;
    });

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private T With<T>(Func<SqliteConnection, T> work)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        return work(connection);
    }
}
