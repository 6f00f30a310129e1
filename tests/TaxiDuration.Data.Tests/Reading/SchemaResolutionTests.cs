using Parquet;
using Parquet.Schema;
using TaxiDuration.Data.Reading;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>How columns are found and judged: which of two candidates wins, which layouts are not A, B or C, and what the footer says.</summary>
public sealed class SchemaResolutionTests : IDisposable
{
    private static readonly DateTime Jan1 = new(2021, 1, 1, 8, 0, 0);
    private readonly ReadingFiles files = new();
    private readonly TlcTripReader reader = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_file_with_both_green_and_yellow_times_is_read_as_green()
    {
        var path = await files.WriteAsync("both.parquet",
        [
            TestColumn.Timestamp("tpep_pickup_datetime", Jan1.AddHours(5)),
            TestColumn.Timestamp("tpep_dropoff_datetime", Jan1.AddHours(6)),
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1.AddMinutes(9)),
            TestColumn.Of<int>("PULocationID", 1),
            TestColumn.Of<int>("DOLocationID", 2),
            TestColumn.Of<double>("trip_distance", 3),
        ]);

        var info = await reader.InspectAsync(path);
        var record = Assert.Single(await reader.ReadAllAsync(path));

        Assert.Equal(TaxiService.Green, info.Service);
        Assert.Equal((Jan1, Jan1.AddMinutes(9)), (record.PickupTime, record.DropoffTime));
    }

    [Fact]
    public async Task The_exactly_named_column_wins_over_one_differing_only_in_case()
    {
        // The case-insensitive fallback must not shadow the real column, whichever comes first in the file.
        var path = await files.WriteAsync("cased.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1),
            TestColumn.Of<int>("PUlocationID", 99),
            TestColumn.Of<int>("PULocationID", 7),
            TestColumn.Of<int>("DOLocationID", 8),
            TestColumn.Of<double>("trip_distance", 1),
        ]);

        Assert.Equal(7, Assert.Single(await reader.ReadAllAsync(path)).PickupLocationId);
    }

    [Fact]
    public async Task A_yellow_file_is_no_green_layout_whatever_its_id_type()
    {
        // INT64 IDs would make a green file layout A.
        var path = await files.WriteAsync("yellow.parquet",
        [
            TestColumn.Timestamp("tpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("tpep_dropoff_datetime", Jan1),
            TestColumn.Of<long>("PULocationID", 1),
            TestColumn.Of<long>("DOLocationID", 2),
            TestColumn.Of<double>("trip_distance", 3),
        ]);

        Assert.Equal(TlcSchemaVariant.Other, (await reader.InspectAsync(path)).Variant);
    }

    [Fact]
    public async Task A_green_file_with_double_ids_is_no_known_layout_but_still_reads()
    {
        var path = await files.WriteAsync("double-ids.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1),
            TestColumn.Of<double>("PULocationID", 41),
            TestColumn.Of<double>("DOLocationID", 42),
            TestColumn.Of<double>("trip_distance", 3),
        ]);

        Assert.Equal(TlcSchemaVariant.Other, (await reader.InspectAsync(path)).Variant);
        Assert.Equal(41, Assert.Single(await reader.ReadAllAsync(path)).PickupLocationId);
    }

    [Fact]
    public async Task An_optional_column_of_the_wrong_kind_is_named_when_the_file_is_opened()
    {
        var path = await files.WriteAsync("time-fares.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1),
            TestColumn.Of<int>("PULocationID", 1),
            TestColumn.Of<int>("DOLocationID", 2),
            TestColumn.Of<double>("trip_distance", 3),
            TestColumn.Timestamp("fare_amount", Jan1),
        ]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.InspectAsync(path));

        Assert.Equal("time-fares.parquet: column 'fare_amount' has type DateTime; expected a number", error.Message);
    }

    [Fact]
    public async Task A_repeated_column_is_refused_as_a_list_not_read_as_one_value()
    {
        var path = files.PathOf("list-ids.parquet");
        var ids = new DataField("PULocationID", typeof(int), isNullable: false, isArray: true);
        var schema = new ParquetSchema(
            new DateTimeDataField("lpep_pickup_datetime", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true),
            new DateTimeDataField("lpep_dropoff_datetime", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true),
            ids,
            new DataField<int?>("DOLocationID"),
            new DataField<double?>("trip_distance"));
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>((DataField)schema[0], new DateTime?[] { Jan1 });
            await group.WriteAsync<DateTime>((DataField)schema[1], new DateTime?[] { Jan1 });
            await group.WriteAsync<int>(ids, new[] { 4, 5 }, new[] { 0, 1 });
            await group.WriteAsync<int>((DataField)schema[3], new int?[] { 2 });
            await group.WriteAsync<double>((DataField)schema[4], new double?[] { 3 });
        }

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("list-ids.parquet: column 'PULocationID' is a repeated (list) column; expected one value per trip", error.Message);
    }

    [Fact]
    public async Task Inspect_reports_the_footer_row_count_codec_and_columns()
    {
        var path = await files.WriteAsync("three.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1, Jan1, Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1, Jan1, Jan1),
            TestColumn.Of<int>("PULocationID", 1, 2, 3),
            TestColumn.Of<int>("DOLocationID", 1, 2, 3),
            TestColumn.Of<double>("trip_distance", 1, 2, 3),
            TestColumn.Of<double>("fare_amount", 1, 2, 3),
        ], rowGroupSize: 2, compression: CompressionMethod.Gzip);

        var info = await reader.InspectAsync(path);

        Assert.Equal((3L, 2, "GZIP"), (info.RowCount, info.RowGroupCount, info.Compression));
        Assert.Equal(["lpep_pickup_datetime", "lpep_dropoff_datetime", "PULocationID", "DOLocationID", "trip_distance", "fare_amount"], info.Columns);
        Assert.Equal(["passenger_count", "total_amount"], info.MissingOptionalColumns);
    }

    [Fact]
    public async Task A_file_without_row_groups_has_no_codec_and_no_rows()
    {
        // A writer closed before its first row group: a valid footer describing nothing.
        var path = files.PathOf("no-groups.parquet");
        var schema = new ParquetSchema(
            new DateTimeDataField("lpep_pickup_datetime", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true),
            new DateTimeDataField("lpep_dropoff_datetime", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true),
            new DataField<int?>("PULocationID"),
            new DataField<int?>("DOLocationID"),
            new DataField<double?>("trip_distance"));
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        }

        var info = await reader.InspectAsync(path);

        Assert.Equal((0L, 0, (string?)null), (info.RowCount, info.RowGroupCount, info.Compression));
        Assert.Empty(await reader.ReadAllAsync(path));
    }

    [Fact]
    public async Task Cancellation_is_checked_before_the_file_is_opened()
    {
        // Not even a missing file is looked at once the caller has given up.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.InspectAsync(files.PathOf("absent.parquet"), cancelled.Token));
    }
}
