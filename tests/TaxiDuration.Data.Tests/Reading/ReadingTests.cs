using Parquet.Schema;
using Parquet;
using TaxiDuration.Data.Reading;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>The reader on files written here, so widening, nulls and layouts are proven without the real months.</summary>
public sealed class ReadingTests : IDisposable
{
    private static readonly DateTime Jan1 = new(2021, 1, 1, 8, 0, 0);
    private readonly ReadingFiles files = new();
    private readonly TlcTripReader reader = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Reads_int32_ids_and_int64_counts_with_nulls_in_every_column()
    {
        var path = await files.WriteAsync("green_tripdata_2023-02.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1, null, Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1.AddMinutes(12.5), Jan1, null),
            TestColumn.Of<int>("PULocationID", 43, null, 265),
            TestColumn.Of<int>("DOLocationID", null, 151, 1),
            TestColumn.Of<long>("passenger_count", 2, null, 6),
            TestColumn.Of<double>("trip_distance", 1.25, 0, null),
            TestColumn.Of<double>("fare_amount", null, 7.5, 3),
            TestColumn.Of<double>("total_amount", 10.3, null, 4.2),
        ], compression: CompressionMethod.Zstd);

        var records = await reader.ReadAllAsync(path);

        Assert.Equal(
        [
            new TripRecord(Jan1, Jan1.AddMinutes(12.5), 43, null, 2, 1.25, null, 10.3),
            new TripRecord(null, Jan1, null, 151, null, 0, 7.5, null),
            new TripRecord(Jan1, null, 265, 1, 6, null, 3, 4.2),
        ], records);
    }

    [Fact]
    public async Task Reads_int64_ids_and_double_counts_of_the_2020_layout()
    {
        var path = await files.WriteAsync("a.parquet",
        [
            TestColumn.Of<long>("VendorID", 2, 1),
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1, Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1.AddMinutes(5), Jan1.AddMinutes(6)),
            TestColumn.Of<double>("RatecodeID", 1, null),
            TestColumn.Of<long>("PULocationID", 74, 3_000_000_000),
            TestColumn.Of<long>("DOLocationID", 75, -3_000_000_000),
            TestColumn.Of<double>("passenger_count", 1, null),
            TestColumn.Of<double>("trip_distance", 2.5, 3.5),
            TestColumn.Of<double>("fare_amount", 9, 10),
            TestColumn.Of<int>("ehail_fee", null, null),
            TestColumn.Of<double>("total_amount", 11, 12),
        ], compression: CompressionMethod.Gzip);

        var records = await reader.ReadAllAsync(path);

        Assert.Equal(new TripRecord(Jan1, Jan1.AddMinutes(5), 74, 75, 1, 2.5, 9, 11), records[0]);
        // IDs beyond int saturate: still visibly out of range for the validator, never wrapped into a valid zone.
        Assert.Equal(int.MaxValue, records[1].PickupLocationId);
        Assert.Equal(int.MinValue, records[1].DropoffLocationId);
        Assert.Null(records[1].PassengerCount);
    }

    [Fact]
    public async Task Widens_float_decimal_short_and_required_columns()
    {
        var path = await files.WriteAsync("odd-types.parquet",
        [
            new TestColumn(new DateTimeDataField("lpep_pickup_datetime", DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros, isNullable: false), new[] { Jan1, Jan1 }),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1.AddMinutes(1), Jan1.AddMinutes(2)),
            TestColumn.Required<int>("PULocationID", 7, 8),
            TestColumn.Of<short>("DOLocationID", 9, null),
            TestColumn.Of<float>("passenger_count", 1.5f, null),
            TestColumn.Required<double>("trip_distance", 0.5, 4),
            new TestColumn(new DecimalDataField("fare_amount", 10, 2, isNullable: true), new decimal?[] { 12.34m, null }),
            TestColumn.Of<double>("total_amount", 1, 2),
        ]);

        var records = await reader.ReadAllAsync(path);

        Assert.Equal(new TripRecord(Jan1, Jan1.AddMinutes(1), 7, 9, 1.5, 0.5, 12.34, 1), records[0]);
        Assert.Equal(new TripRecord(Jan1, Jan1.AddMinutes(2), 8, null, null, 4, null, 2), records[1]);
    }

    [Fact]
    public async Task Double_ids_that_are_not_whole_numbers_read_as_null()
    {
        var path = await files.WriteAsync("double-ids.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1, Jan1, Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1, Jan1, Jan1),
            TestColumn.Of<double>("PULocationID", 43.0, 43.5, double.NaN),
            TestColumn.Of<double>("DOLocationID", 1e12, double.PositiveInfinity, -0.0),
            TestColumn.Of<double>("trip_distance", 1, 1, 1),
        ]);

        var records = await reader.ReadAllAsync(path);

        Assert.Equal([43, null, null], records.Select(record => record.PickupLocationId));
        Assert.Equal([int.MaxValue, null, 0], records.Select(record => record.DropoffLocationId));
        // As columns, a row without a value holds the type's default, not what the file had there (43.5 is not 43).
        await foreach (var columns in reader.ReadColumnsAsync(path))
        {
            Assert.Equal([43, 0, 0], columns.PickupLocationIds.Values.ToArray());
            Assert.Equal([true, false, false], columns.PickupLocationIds.Present.ToArray());
        }
    }

    // Enough rows that the pooled buffers are larger than any other test here asks for: a buffer that came back from
    // the pool fresh holds no flags, so a required column must mark every row present itself.
    [Fact]
    public async Task Required_columns_of_every_kind_read_a_value_in_every_row()
    {
        const int Rows = 40_000;
        var times = Enumerable.Range(0, Rows).Select(i => Jan1.AddSeconds(i)).ToArray();
        var path = await files.WriteAsync("required.parquet",
        [
            new TestColumn(new DateTimeDataField("lpep_pickup_datetime", DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros, isNullable: false), times),
            new TestColumn(new DateTimeDataField("lpep_dropoff_datetime", DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros, isNullable: false), times),
            TestColumn.Required("PULocationID", [.. Enumerable.Range(0, Rows).Select(i => 1 + (i % 265))]),
            TestColumn.Required("DOLocationID", [.. Enumerable.Range(0, Rows).Select(i => 265L - (i % 265))]),
            TestColumn.Required("trip_distance", [.. Enumerable.Range(0, Rows).Select(i => i / 8.0)]),
            TestColumn.Required("passenger_count", [.. Enumerable.Range(0, Rows).Select(i => (float)(i % 6))]),
        ]);

        var records = await reader.ReadAllAsync(path);

        Assert.Equal(Rows, records.Length);
        Assert.All(records, record => Assert.True(record is { PickupTime: not null, DropoffTime: not null, PickupLocationId: not null, DropoffLocationId: not null, TripDistance: not null, PassengerCount: not null }));
        Assert.Equal(new TripRecord(times[^1], times[^1], 1 + ((Rows - 1) % 265), 265 - ((Rows - 1) % 265), (Rows - 1) % 6, (Rows - 1) / 8.0, null, null), records[^1]);
    }

    [Fact]
    public async Task Timestamps_are_naive_wall_clock_times()
    {
        var path = await files.WriteGreenAsync("naive.parquet", (new DateTime(2021, 3, 14, 2, 30, 0), new DateTime(2021, 3, 14, 3, 10, 0), 1, 2, 1));

        var record = Assert.Single(await reader.ReadAllAsync(path));

        // 02:30 on 14 March 2021 does not exist in New York (DST); a naive value keeps it as written.
        Assert.Equal(new DateTime(2021, 3, 14, 2, 30, 0), record.PickupTime);
        Assert.Equal(DateTimeKind.Unspecified, record.PickupTime!.Value.Kind);
        Assert.Equal(DateTimeKind.Unspecified, record.DropoffTime!.Value.Kind);
    }

    [Fact]
    public async Task Utc_adjusted_timestamps_are_converted_to_new_york_time()
    {
        var utc = new DateTime(2021, 7, 1, 16, 0, 0, DateTimeKind.Utc);
        var path = await files.WriteAsync("utc.parquet",
        [
            new TestColumn(new DateTimeDataField("lpep_pickup_datetime", DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, isNullable: true), new DateTime?[] { utc }),
            new TestColumn(new DateTimeDataField("lpep_dropoff_datetime", DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, isNullable: true), new DateTime?[] { utc.AddMinutes(20) }),
            TestColumn.Of<int>("PULocationID", 1),
            TestColumn.Of<int>("DOLocationID", 2),
            TestColumn.Of<double>("trip_distance", 3),
        ]);

        var record = Assert.Single(await reader.ReadAllAsync(path));

        Assert.Equal(new DateTime(2021, 7, 1, 12, 0, 0), record.PickupTime); // EDT = UTC-4
        Assert.Equal(DateTimeKind.Unspecified, record.PickupTime!.Value.Kind);
    }

    [Fact]
    public async Task Yellow_files_are_recognised_by_their_columns_not_their_name()
    {
        var path = await files.WriteAsync("green_tripdata_2021-01.parquet",
        [
            TestColumn.Timestamp("tpep_pickup_datetime", Jan1),
            TestColumn.Timestamp("tpep_dropoff_datetime", Jan1.AddMinutes(30)),
            TestColumn.Of<long>("PULocationID", 132),
            TestColumn.Of<long>("DOLocationID", 236),
            TestColumn.Of<double>("trip_distance", 17.2),
        ]);

        var record = Assert.Single(await reader.ReadAllAsync(path));
        var info = await reader.InspectAsync(path);

        Assert.Equal(new TripRecord(Jan1, Jan1.AddMinutes(30), 132, 236, null, 17.2, null, null), record);
        Assert.Equal(TaxiService.Yellow, info.Service);
        Assert.Equal(["passenger_count", "fare_amount", "total_amount"], info.MissingOptionalColumns);
    }

    [Fact]
    public async Task Streams_one_array_per_row_group_and_ReadAll_joins_them_in_order()
    {
        var pickups = Enumerable.Range(0, 10).Select(i => (DateTime?)Jan1.AddMinutes(i)).ToArray();
        var path = await files.WriteAsync("groups.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", pickups),
            TestColumn.Timestamp("lpep_dropoff_datetime", pickups),
            TestColumn.Of("PULocationID", [.. Enumerable.Range(1, 10).Select(i => (int?)i)]),
            TestColumn.Of("DOLocationID", [.. Enumerable.Range(1, 10).Select(i => (int?)i)]),
            TestColumn.Of("trip_distance", [.. Enumerable.Range(1, 10).Select(i => (double?)i)]),
        ], rowGroupSize: 4);

        var groups = new List<TripRecord[]>();
        await foreach (var group in reader.ReadRowGroupsAsync(path))
        {
            groups.Add(group);
        }

        var all = await reader.ReadAllAsync(path);
        Assert.Equal([4, 4, 2], groups.Select(group => group.Length));
        Assert.Equal(groups.SelectMany(group => group), all);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (int?)i), all.Select(record => record.PickupLocationId));
        Assert.Equal(3, (await reader.InspectAsync(path)).RowGroupCount);
    }

    [Fact]
    public async Task Columns_stream_the_same_trips_as_records_group_by_group()
    {
        var path = await files.WriteAsync("columns.parquet",
        [
            TestColumn.Timestamp("lpep_pickup_datetime", Jan1, null, Jan1, Jan1.AddHours(1), Jan1, Jan1.AddHours(2)),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1.AddMinutes(7), Jan1, null, Jan1.AddHours(1.5), Jan1.AddMinutes(3), Jan1),
            TestColumn.Of<long>("PULocationID", 43, null, 265, 3, 4, 5),
            TestColumn.Of<int>("DOLocationID", null, 151, 1, 6, 7, 8),
            TestColumn.Of<double>("trip_distance", 1.25, 0, null, 9, 10, 11),
            TestColumn.Of<long>("passenger_count", 2, null, 6, 1, 1, 1),
            TestColumn.Of<double>("total_amount", 10.3, null, 4.2, 1, 2, 3),
        ], rowGroupSize: 4);

        var records = new List<TripRecord[]>();
        await foreach (var group in reader.ReadRowGroupsAsync(path))
        {
            records.Add(group);
        }

        var fromColumns = new List<TripRecord[]>();
        await foreach (var columns in reader.ReadColumnsAsync(path))
        {
            // The batch is lent: what it holds is copied out before asking for the next.
            Assert.True(columns.FareAmounts.IsEmpty);
            var group = new TripRecord[columns.Count];
            columns.CopyTo(group);
            fromColumns.Add(group);
        }

        Assert.Equal([4, 2], fromColumns.Select(group => group.Length));
        Assert.Equal(records, fromColumns);
        Assert.Equal(new TripRecord(Jan1, Jan1.AddMinutes(7), 43, null, 2, 1.25, null, 10.3), fromColumns[0][0]);
    }

    [Fact]
    public async Task A_column_reader_stopped_after_the_first_row_group_closes_the_file()
    {
        var path = await ManyGroupsAsync("stopped-columns.parquet", groups: 8);

        await foreach (var columns in reader.ReadColumnsAsync(path))
        {
            Assert.Equal([1, 2, 3, 4], columns.PickupLocationIds.ToArray());
            break;
        }

        await using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.Length > 12);
    }

    [Fact]
    public async Task A_reader_stopped_after_the_first_row_group_closes_the_file_while_the_next_was_being_read_ahead()
    {
        var path = await ManyGroupsAsync("stopped.parquet", groups: 8);

        await foreach (var group in reader.ReadRowGroupsAsync(path))
        {
            Assert.Equal(4, group.Length);
            break;
        }

        // The group read ahead was still in flight: the file must be closed after it, not under it or never.
        await using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.Length > 12);
    }

    [Fact]
    public async Task Row_groups_read_ahead_arrive_complete_and_in_file_order()
    {
        var path = await ManyGroupsAsync("ordered.parquet", groups: 25);

        var zones = new List<int?>();
        await foreach (var group in reader.ReadRowGroupsAsync(path))
        {
            zones.AddRange(group.Select(record => record.PickupLocationId));
        }

        // Columns come in lent buffers that the pool hands out again: each batch must still hold its own group.
        var columnZones = new List<int?>();
        await foreach (var columns in reader.ReadColumnsAsync(path))
        {
            columnZones.AddRange(columns.PickupLocationIds.ToArray());
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (int?)i), zones);
        Assert.Equal(zones, columnZones);
    }

    // Four rows per group, pickup zones 1, 2, 3… in file order.
    private Task<string> ManyGroupsAsync(string name, int groups)
    {
        var rows = groups * 4;
        var times = Enumerable.Range(0, rows).Select(i => (DateTime?)Jan1.AddMinutes(i)).ToArray();
        var zones = Enumerable.Range(1, rows).Select(i => (int?)i).ToArray();
        return files.WriteAsync(name,
        [
            TestColumn.Timestamp("lpep_pickup_datetime", times),
            TestColumn.Timestamp("lpep_dropoff_datetime", times),
            TestColumn.Of("PULocationID", zones),
            TestColumn.Of("DOLocationID", zones),
            TestColumn.Of("trip_distance", [.. Enumerable.Range(1, rows).Select(i => (double?)i)]),
        ], rowGroupSize: 4);
    }

    [Fact]
    public async Task An_empty_file_reads_as_no_rows()
    {
        var path = await files.WriteGreenAsync("empty.parquet");

        Assert.Empty(await reader.ReadAllAsync(path));
    }

    [Fact]
    public async Task Column_names_differing_only_in_case_are_accepted()
    {
        var path = await files.WriteAsync("case.parquet",
        [
            TestColumn.Timestamp("LPEP_PICKUP_DATETIME", Jan1),
            TestColumn.Timestamp("lpep_dropoff_datetime", Jan1),
            TestColumn.Of<int>("PUlocationID", 5),
            TestColumn.Of<int>("DOlocationID", 6),
            TestColumn.Of<double>("Trip_Distance", 1),
        ]);

        Assert.Equal(5, Assert.Single(await reader.ReadAllAsync(path)).PickupLocationId);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        var path = await files.WriteGreenAsync("cancel.parquet", (Jan1, Jan1, 1, 1, 1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadAllAsync(path, cancelled.Token));
    }
}
