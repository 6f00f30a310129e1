using System.Globalization;
using DuckDB.NET.Data;

namespace TaxiDuration.Data.Tests;

/// <summary>
/// Counts rows of a Parquet file with DuckDB's own reader and SQL: a second implementation to check our reader and
/// validator against, instead of numbers copied from an earlier run of our own code.
/// </summary>
internal sealed class DuckDbCounts(string parquetPath)
{
    /// <summary>Rows of the file matching <paramref name="where"/> (SQL on the file's own column names).</summary>
    public long Where(string where)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{parquetPath.Replace("'", "''", StringComparison.Ordinal)}') WHERE {where};";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public long Rows() => Where("true");
}
