using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Tests.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Validation;

/// <summary>Every real month passes validation with the default expectations; a real month under the wrong month fails.</summary>
public sealed class ValidationRealDataTests
{
    private readonly TlcTripReader reader = new();
    private readonly TripDataValidator validator = new();

    public static TheoryData<string> RealMonths => ReadingRealDataTests.RealMonths;

    [RealDataTheory]
    [MemberData(nameof(RealMonths))]
    public async Task Every_real_month_passes_with_the_defaults(string fileName)
    {
        var report = await validator.ValidateFileAsync(reader, Path.Combine(RealData.Directory!, fileName));

        Assert.True(report.Passed, report.ToMarkdown());
        Assert.NotNull(report.ExpectedMonth);
        Assert.InRange(report.OutOfMonthShare!.Value, 0, 0.001);
        Assert.InRange(report.RejectedShare, 0.01, 0.08);
    }

    /// <summary>Each rejection reason as SQL on the file's columns, following <see cref="RejectionReason"/>'s definitions.</summary>
    private static readonly Dictionary<RejectionReason, string> ReasonsInSql = new()
    {
        [RejectionReason.NullTimestamp] = "lpep_pickup_datetime IS NULL OR lpep_dropoff_datetime IS NULL",
        [RejectionReason.DropoffBeforePickup] = "lpep_dropoff_datetime < lpep_pickup_datetime",
        [RejectionReason.DurationOverLimit] = "epoch_us(lpep_dropoff_datetime) - epoch_us(lpep_pickup_datetime) > 86400000000",
        [RejectionReason.NullDistance] = "trip_distance IS NULL",
        [RejectionReason.NonPositiveDistance] = "trip_distance <= 0",
        [RejectionReason.AbsurdDistance] = "trip_distance > 500 OR isnan(trip_distance)",
        [RejectionReason.NullZone] = "PULocationID IS NULL OR DOLocationID IS NULL",
        [RejectionReason.ZoneOutOfRange] = "PULocationID NOT BETWEEN 1 AND 265 OR DOLocationID NOT BETWEEN 1 AND 265",
    };

    private static readonly Dictionary<string, string> ColumnsInFile = new(StringComparer.Ordinal)
    {
        [nameof(TripRecord.PickupTime)] = "lpep_pickup_datetime",
        [nameof(TripRecord.DropoffTime)] = "lpep_dropoff_datetime",
        [nameof(TripRecord.PickupLocationId)] = "PULocationID",
        [nameof(TripRecord.DropoffLocationId)] = "DOLocationID",
        [nameof(TripRecord.TripDistance)] = "trip_distance",
        [nameof(TripRecord.PassengerCount)] = "passenger_count",
        [nameof(TripRecord.FareAmount)] = "fare_amount",
        [nameof(TripRecord.TotalAmount)] = "total_amount",
    };

    /// <summary>
    /// Every count in the report is what DuckDB's reader finds with the rule written as SQL, on every month: the
    /// expected numbers come from a second implementation, not from a run of our own (for 2021-01: 55 absurd
    /// distances, 36,047 null passenger counts).
    /// </summary>
    [RealDataTheory]
    [MemberData(nameof(RealMonths))]
    public async Task Every_real_months_counts_are_what_duckdb_counts_with_the_rules_in_sql(string fileName)
    {
        var path = Path.Combine(RealData.Directory!, fileName);
        var duckDb = new DuckDbCounts(path);

        var report = await validator.ValidateFileAsync(reader, path);

        var rows = duckDb.Rows();
        Assert.Equal(rows, report.Rows);
        Assert.Equal(ReasonsInSql.Keys.Order(), report.RejectedByReason.Keys.Order());
        foreach (var (reason, sql) in ReasonsInSql)
        {
            Assert.True(duckDb.Where(sql) == report.RejectedByReason[reason], $"{reason}: DuckDB counts {duckDb.Where(sql)}, the report {report.RejectedByReason[reason]}");
        }

        Assert.Equal(duckDb.Where(string.Join(" OR ", ReasonsInSql.Values.Select(sql => $"({sql})"))), report.RejectedRows);
        Assert.Equal(ColumnsInFile.Keys.Order(), report.NullShareByColumn.Keys.Order());
        foreach (var (column, inFile) in ColumnsInFile)
        {
            Assert.Equal(duckDb.Where($"{inFile} IS NULL") / (double)rows, report.NullShareByColumn[column], 12);
        }
    }

    [RealDataFact("2021-01")]
    public async Task The_2021_01_report_shows_the_rows_and_month_of_sources_md()
    {
        var report = await validator.ValidateFileAsync(reader, RealData.GreenMonth("2021-01"));

        // SOURCES.md: 76,518 rows in the footer, 0.99996 of the pickups in January.
        Assert.Equal(76_518, report.Rows);
        Assert.Equal(1 - 0.99996, report.OutOfMonthShare!.Value, 5);
    }

    [RealDataFact("2021-01")]
    public async Task A_real_month_checked_against_the_wrong_month_fails()
    {
        var report = await validator.ValidateFileAsync(reader, RealData.GreenMonth("2021-01"), TaxiMonth.Parse("2021-02"));

        Assert.False(report.Passed);
        Assert.Equal("pickups outside 2021-02", Assert.Single(report.Failures).Name);
    }
}
