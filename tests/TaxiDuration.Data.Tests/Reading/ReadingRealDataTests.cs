using TaxiDuration.Data.Reading;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>The reader on every real month in <c>TAXI_DATA_DIR</c>, against the footer and SOURCES.md.</summary>
public sealed class ReadingRealDataTests
{
    /// <summary>Footer <c>num_rows</c> of each month, from the data folder's SOURCES.md.</summary>
    private static readonly Dictionary<string, long> KnownRows = new(StringComparer.Ordinal)
    {
        ["2020-03"] = 223_496, ["2020-04"] = 35_644, ["2020-08"] = 81_063, ["2020-12"] = 83_130,
        ["2021-01"] = 76_518, ["2021-02"] = 64_572, ["2021-03"] = 83_827, ["2021-04"] = 86_941, ["2021-05"] = 88_180,
        ["2022-01"] = 62_495, ["2022-02"] = 69_399, ["2022-03"] = 78_537, ["2022-04"] = 76_136, ["2022-05"] = 76_891,
        ["2022-06"] = 73_718, ["2022-07"] = 64_192, ["2022-08"] = 65_929, ["2022-09"] = 69_031, ["2022-10"] = 69_322,
        ["2022-11"] = 62_313, ["2023-01"] = 68_211, ["2023-02"] = 64_809, ["2023-03"] = 72_044, ["2025-01"] = 48_326,
    };

    private readonly TlcTripReader reader = new();

    /// <summary>File names of the green months in <c>TAXI_DATA_DIR</c> (none when it is unset: the theory is skipped).</summary>
    public static TheoryData<string> RealMonths => [.. RealData.AllGreenMonths().Select(path => Path.GetFileName(path))];

    [RealDataTheory]
    [MemberData(nameof(RealMonths))]
    public async Task Every_real_month_reads_all_footer_rows_with_sane_values(string fileName)
    {
        var path = Path.Combine(RealData.Directory!, fileName);
        Assert.True(TaxiMonth.TryParseFileName(fileName, out var month));
        var info = await reader.InspectAsync(path);

        var records = await reader.ReadAllAsync(path);

        Assert.Equal(info.RowCount, records.Length);
        // Every month against another reader, so a month missing from SOURCES.md's table is still checked.
        Assert.Equal(new DuckDbCounts(path).Rows(), records.Length);
        if (KnownRows.TryGetValue(month.YearMonth, out var known))
        {
            Assert.Equal(known, records.Length);
        }

        Assert.Equal(TaxiService.Green, info.Service);
        Assert.All(records.Take(1000), record => Assert.Equal(DateTimeKind.Unspecified, record.PickupTime!.Value.Kind));
        // The feature columns are never null in the real files; the meter fields are sometimes (passenger_count on
        // up to ~47 % of the rows of some 2021 months).
        Assert.Equal(0, records.Count(record => record.PickupTime is null || record.DropoffTime is null));
        Assert.Equal(0, records.Count(record => record.PickupLocationId is null || record.DropoffLocationId is null || record.TripDistance is null));
        Assert.InRange(records.Count(record => record.PassengerCount is null) / (double)records.Length, 0, 0.5);
        Assert.InRange(records.Count(record => record.FareAmount is null) / (double)records.Length, 0, 0.01);
        Assert.True(records.All(record => TaxiZones.IsValid(record.PickupLocationId!.Value) && TaxiZones.IsValid(record.DropoffLocationId!.Value)));
        Assert.InRange(records.Count(record => month.Contains(record.PickupTime!.Value)) / (double)records.Length, 0.999, 1);
    }

    [RealDataTheory]
    [MemberData(nameof(RealMonths))]
    public async Task Every_real_month_has_the_schema_variant_of_its_period(string fileName)
    {
        Assert.True(TaxiMonth.TryParseFileName(fileName, out var month));

        var info = await reader.InspectAsync(Path.Combine(RealData.Directory!, fileName));

        var (variant, codec) = (month.Year, month.Month) switch
        {
            ( < 2023, _) or (2023, 1) => (TlcSchemaVariant.A, "GZIP"),
            ( < 2025, _) => (TlcSchemaVariant.B, "ZSTD"),
            _ => (TlcSchemaVariant.C, "ZSTD"),
        };
        Assert.Equal(variant, info.Variant);
        Assert.Equal(codec, info.Compression);
        Assert.Empty(info.MissingOptionalColumns);
    }

    [RealDataFact("2021-01", "2023-02", "2025-01")]
    public async Task Schemas_A_B_and_C_read_the_same_kind_of_values()
    {
        foreach (var (month, rows) in new[] { ("2021-01", 76_518), ("2023-02", 64_809), ("2025-01", 48_326) })
        {
            var records = await reader.ReadAllAsync(RealData.GreenMonth(month));

            Assert.Equal(rows, records.Length);
            // The first row of each file, as pandas shows it (pandas-independent check: distance and zones are sane).
            Assert.InRange(records.Average(record => record.TripDistance!.Value), 1, 200);
            Assert.InRange(records.Average(record => record.FareAmount!.Value), 5, 40);
            Assert.InRange(records.Where(record => record.PassengerCount is not null).Average(record => record.PassengerCount!.Value), 1, 2);
        }
    }

    [RealDataFact("2021-01")]
    public async Task Streaming_2021_01_as_records_or_columns_gives_the_same_trips_as_reading_it_whole()
    {
        var path = RealData.GreenMonth("2021-01");
        var streamed = new List<TripRecord>();
        await foreach (var group in reader.ReadRowGroupsAsync(path))
        {
            streamed.AddRange(group);
        }

        var fromColumns = new List<TripRecord>();
        await foreach (var columns in reader.ReadColumnsAsync(path))
        {
            fromColumns.AddRange(Enumerable.Range(0, columns.Count).Select(i => columns[i]));
        }

        Assert.Equal(await reader.ReadAllAsync(path), streamed);
        Assert.Equal(streamed, fromColumns);
        Assert.Equal(new TripRecord(new DateTime(2021, 1, 1, 0, 15, 56), new DateTime(2021, 1, 1, 0, 19, 52), 43, 151, 1, 1.01, 5.5, 6.8), streamed[0]);
    }

    [RealDataFact("2021-01")]
    public async Task The_first_half_of_a_real_month_is_reported_as_truncated()
    {
        using var files = new ReadingFiles();
        var bytes = await File.ReadAllBytesAsync(RealData.GreenMonth("2021-01"));
        var path = files.PathOf("green_tripdata_2021-01.parquet");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("green_tripdata_2021-01.parquet: truncated", error.Message, StringComparison.Ordinal);
    }
}
