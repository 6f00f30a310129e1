using Npgsql;

namespace TaxiDuration.Tracking.Postgres.Tests;

/// <summary>Direct SQL on a store's schema, bypassing the library: to inspect what it wrote or to damage it on purpose.</summary>
internal sealed class RawSql(string connectionString)
{
    private readonly string unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public int Execute(string sql) => With(connection => Command(connection, sql).ExecuteNonQuery());

    public object? Scalar(string sql) => With(connection => Command(connection, sql).ExecuteScalar());

    public long Long(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    public List<string> Strings(string sql) => With(connection =>
    {
        using var reader = Command(connection, sql).ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    });

    /// <summary>Runs the statement expecting the database to refuse it, and returns the server's error.</summary>
    public PostgresException Refused(string sql) => Assert.Throws<PostgresException>(() => Execute(sql));

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(sql, connection);

    private T With<T>(Func<NpgsqlConnection, T> work)
    {
        using var connection = new NpgsqlConnection(unpooled);
        connection.Open();
        return work(connection);
    }
}
