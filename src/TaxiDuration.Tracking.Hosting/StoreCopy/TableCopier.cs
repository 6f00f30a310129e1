using Microsoft.Data.Sqlite;
using Npgsql;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// Streams one table from the SQLite snapshot into PostgreSQL with binary COPY: one pass, constant memory, however
/// many metric rows a store holds. COPY fires the tables' INSERT triggers and checks their constraints like INSERT
/// does, and it writes identity columns as given, so ids survive without lifting any guarantee of the target.
/// </summary>
internal static class TableCopier
{
    private const int ProgressEvery = 100_000;

    /// <returns>The rows copied.</returns>
    public static long Copy(CopiedTable table, SqliteConnection source, NpgsqlConnection target, IProgress<StoreCopyProgress>? progress)
    {
        var total = source.Scalar<long>($"SELECT COUNT(*) FROM {table.Name};");
        var writers = ColumnWriters(table, target);
        using var read = source.CreateCommand();
        read.CommandText = table.SourceQuery;
        using var rows = read.ExecuteReader();
        using var copy = target.BeginBinaryImport(table.TargetCopy);
        long copied = 0;
        while (rows.Read())
        {
            copy.StartRow();
            for (var column = 0; column < writers.Length; column++)
            {
                var value = rows.GetValue(column);
                if (value is DBNull)
                {
                    copy.WriteNull();
                }
                else
                {
                    writers[column](copy, value);
                }
            }

            // The last row is reported below, with the table done.
            if (++copied % ProgressEvery == 0 && copied < total)
            {
                progress?.Report(new StoreCopyProgress(table.Name, copied, total));
            }
        }

        copy.Complete();
        progress?.Report(new StoreCopyProgress(table.Name, copied, total));
        return copied;
    }

    // The target's own declarations decide each value's binary type, so the copy cannot drift from the DDL.
    private static Action<NpgsqlBinaryImporter, object>[] ColumnWriters(CopiedTable table, NpgsqlConnection target)
    {
        var declared = target.Query(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table;",
                row => (Name: row.GetString(0), Type: row.GetString(1)),
                ("table", table.Name))
            .ToDictionary(column => column.Name, column => column.Type, StringComparer.Ordinal);
        return [.. table.Columns.Select(column => declared.TryGetValue(column, out var type)
            ? ValueConversion.WriterFor(type)
            : throw new InvalidOperationException($"The PostgreSQL store has no column {table.Name}.{column}, which the copy fills: {nameof(CopiedTables)} and the schema disagree."))];
    }
}
