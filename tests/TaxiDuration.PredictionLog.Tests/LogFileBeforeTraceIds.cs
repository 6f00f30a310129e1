using Parquet;
using Parquet.Schema;

namespace TaxiDuration.PredictionLog.Tests;

/// <summary>
/// A log file as the log wrote them before the <c>trace_id</c> column: a file of today's writer with that column left
/// out, column for column and type for type (the column was appended, nothing else changed).
/// </summary>
internal static class LogFileBeforeTraceIds
{
    public static async Task WriteAsync(string currentFile, string target)
    {
        await using var input = File.OpenRead(currentFile);
        await using var reader = await ParquetReader.CreateAsync(input);
        var fields = reader.Schema.DataFields.Where(field => field.Name != "trace_id").ToArray();
        Assert.Equal(reader.Schema.DataFields.Length - 1, fields.Length);
        await using var output = File.Create(target);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output);
        using var source = reader.OpenRowGroupReader(0);
        using var group = writer.CreateRowGroup();
        var rows = checked((int)source.RowCount);
        foreach (var field in fields)
        {
            var type = field.ClrType;
            await (type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? CopyStringsAsync(source, group, field, rows)
                : type == typeof(DateTime) && !field.IsNullable ? CopyAsync<DateTime>(source, group, field, rows)
                : type == typeof(int) && !field.IsNullable ? CopyAsync<int>(source, group, field, rows)
                : type == typeof(double) ? (field.IsNullable ? CopyNullableAsync<double>(source, group, field, rows) : CopyAsync<double>(source, group, field, rows))
                : type == typeof(float) ? (field.IsNullable ? CopyNullableAsync<float>(source, group, field, rows) : CopyAsync<float>(source, group, field, rows))
                : throw new NotSupportedException($"column {field.Name} of type {type}"));
        }

        group.CompleteValidate();
    }

    private static async Task CopyStringsAsync(ParquetRowGroupReader source, ParquetRowGroupWriter target, DataField field, int rows)
    {
        var values = new string?[rows];
        await source.ReadAsync(field, values.AsMemory(), null);
        await target.WriteAsync(field, values!);
    }

    private static async Task CopyAsync<T>(ParquetRowGroupReader source, ParquetRowGroupWriter target, DataField field, int rows)
        where T : struct
    {
        var values = new T[rows];
        await source.ReadAsync(field, values.AsMemory(), null);
        await target.WriteAsync(field, (ReadOnlyMemory<T>)values);
    }

    private static async Task CopyNullableAsync<T>(ParquetRowGroupReader source, ParquetRowGroupWriter target, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        await source.ReadAsync(field, values.AsMemory(), null);
        await target.WriteAsync(field, (ReadOnlyMemory<T?>)values);
    }
}
