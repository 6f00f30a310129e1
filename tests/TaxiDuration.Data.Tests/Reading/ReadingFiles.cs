using Parquet;
using Parquet.Schema;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>One column of a Parquet file a test writes: the field as the file declares it, and its values.</summary>
internal sealed record TestColumn(DataField Field, Array Values)
{
    public static TestColumn Timestamp(string name, params DateTime?[] values) =>
        new(new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true), values);

    public static TestColumn Of<T>(string name, params T?[] values)
        where T : struct => new(new DataField<T?>(name), values);

    public static TestColumn Required<T>(string name, params T[] values)
        where T : struct => new(new DataField<T>(name), values);
}

/// <summary>Writes small Parquet files with Parquet.Net, so reader tests control every physical type and null.</summary>
internal sealed class ReadingFiles : IDisposable
{
    public ReadingFiles() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "taxi-reading-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes the columns to <paramref name="name"/>, <paramref name="rowGroupSize"/> rows per row group.</summary>
    public async Task<string> WriteAsync(string name, IReadOnlyList<TestColumn> columns, int? rowGroupSize = null, CompressionMethod compression = CompressionMethod.Snappy)
    {
        var path = PathOf(name);
        var rows = columns[0].Values.Length;
        var groupSize = rowGroupSize ?? Math.Max(rows, 1);
        var schema = new ParquetSchema(columns.Select(column => (Field)column.Field).ToArray());
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = compression });
        for (var start = 0; start < rows || start == 0; start += groupSize)
        {
            var count = Math.Min(groupSize, rows - start);
            using var group = writer.CreateRowGroup();
            foreach (var column in columns)
            {
                await WriteColumnAsync(group, column, start, count);
            }

            if (rows == 0)
            {
                break;
            }
        }

        return path;
    }

    /// <summary>A green month in the 2023+ layout (INT32 IDs, INT64 passenger count) with the given rows.</summary>
    public Task<string> WriteGreenAsync(string name, params (DateTime? Pickup, DateTime? Dropoff, int? Pu, int? Do, double? Distance)[] trips) =>
        WriteAsync(name,
        [
            TestColumn.Timestamp("lpep_pickup_datetime", [.. trips.Select(trip => trip.Pickup)]),
            TestColumn.Timestamp("lpep_dropoff_datetime", [.. trips.Select(trip => trip.Dropoff)]),
            TestColumn.Of("PULocationID", [.. trips.Select(trip => trip.Pu)]),
            TestColumn.Of("DOLocationID", [.. trips.Select(trip => trip.Do)]),
            TestColumn.Of("passenger_count", [.. trips.Select(_ => (long?)1)]),
            TestColumn.Of("trip_distance", [.. trips.Select(trip => trip.Distance)]),
            TestColumn.Of("fare_amount", [.. trips.Select(_ => (double?)10)]),
            TestColumn.Of("total_amount", [.. trips.Select(_ => (double?)12.5)]),
        ]);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner; the temp folder is cleaned by the OS.
        }
    }

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, TestColumn column, int start, int count)
    {
        var field = column.Field;
        switch (column.Values)
        {
            case DateTime?[] values: await group.WriteAsync<DateTime>(field, values.AsMemory(start, count)); break;
            case DateTime[] values: await group.WriteAsync<DateTime>(field, values.AsMemory(start, count)); break;
            case int?[] values: await group.WriteAsync<int>(field, values.AsMemory(start, count)); break;
            case int[] values: await group.WriteAsync<int>(field, values.AsMemory(start, count)); break;
            case long?[] values: await group.WriteAsync<long>(field, values.AsMemory(start, count)); break;
            case long[] values: await group.WriteAsync<long>(field, values.AsMemory(start, count)); break;
            case short?[] values: await group.WriteAsync<short>(field, values.AsMemory(start, count)); break;
            case double?[] values: await group.WriteAsync<double>(field, values.AsMemory(start, count)); break;
            case double[] values: await group.WriteAsync<double>(field, values.AsMemory(start, count)); break;
            case float?[] values: await group.WriteAsync<float>(field, values.AsMemory(start, count)); break;
            case float[] values: await group.WriteAsync<float>(field, values.AsMemory(start, count)); break;
            case decimal?[] values: await group.WriteAsync<decimal>(field, values.AsMemory(start, count)); break;
            case string[] values: await group.WriteAsync(field, values.Skip(start).Take(count).ToArray()); break;
            default: throw new NotSupportedException($"test column type {column.Values.GetType()}");
        }
    }
}
