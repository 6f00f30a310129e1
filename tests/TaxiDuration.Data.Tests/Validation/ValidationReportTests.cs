using TaxiDuration.Data.Validation;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Validation;

/// <summary>
/// The report as a person reads it: every line of the Markdown for a small month whose counts are worked out by
/// hand, checks sitting exactly on their limit, and the shares of an empty batch.
/// </summary>
public sealed class ValidationReportTests
{
    private static readonly TaxiMonth January = TaxiMonth.Parse("2021-01");
    private static readonly DateTime Monday = January.Start.AddDays(3).AddHours(10);

    // Four trips: one clean, one without a drop-off zone or fare, one without a drop-off time, distance or total,
    // and one clean trip picked up on the first instant of February (outside January, which ends there).
    private static readonly TripRecord[] FourTrips =
    [
        new(Monday, Monday.AddMinutes(10), 1, 2, 1, 2, 10, 12),
        new(Monday, Monday.AddMinutes(10), 1, null, 1, 2, null, 12),
        new(Monday, null, 1, 2, 1, null, 10, null),
        new(January.End, January.End.AddMinutes(5), 1, 2, 1, 2, 10, 12),
    ];

    // Null shares may reach a quarter, so the 25 % columns sit exactly on the limit and pass.
    private static readonly DataValidationOptions Limits = new() { MinRows = 4, MaxNullShare = 0.25, MaxOutOfMonthShare = 0.2 };

    [Fact]
    public void The_markdown_shows_every_check_reason_and_column_with_its_share()
    {
        var report = new TripDataValidator(Limits).Validate(FourTrips, January);

        const string expected = """
            ### Data validation: green 2021-01 — FAIL

            4 rows; 2 (50.00 %) with at least one rejection reason.
            Pickups outside 2021-01: 25.00 %.

            | check | result | measured |
            |---|---|---|
            | rows | pass | 4 (minimum 4) |
            | null share of PickupTime | pass | 0.00 % ≤ 25.00 % |
            | null share of DropoffTime | pass | 25.00 % ≤ 25.00 % |
            | null share of PickupLocationId | pass | 0.00 % ≤ 25.00 % |
            | null share of DropoffLocationId | pass | 25.00 % ≤ 25.00 % |
            | null share of TripDistance | pass | 25.00 % ≤ 25.00 % |
            | rejected share | **FAIL** | 50.00 % > 15.00 % |
            | pickups outside 2021-01 | **FAIL** | 25.00 % > 20.00 % |

            | rejection reason | rows | share |
            |---|---:|---:|
            | NullTimestamp | 1 | 25.00 % |
            | DropoffBeforePickup | 0 | 0.00 % |
            | DurationOverLimit | 0 | 0.00 % |
            | NullDistance | 1 | 25.00 % |
            | NonPositiveDistance | 0 | 0.00 % |
            | AbsurdDistance | 0 | 0.00 % |
            | NullZone | 1 | 25.00 % |
            | ZoneOutOfRange | 0 | 0.00 % |

            | column | null share |
            |---|---:|
            | PickupTime | 0.00 % |
            | DropoffTime | 25.00 % |
            | PickupLocationId | 0.00 % |
            | DropoffLocationId | 25.00 % |
            | TripDistance | 25.00 % |
            | PassengerCount | 0.00 % |
            | FareAmount | 25.00 % |
            | TotalAmount | 25.00 % |

            """;
        Assert.Equal(expected, report.ToMarkdown().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_one_line_summary_lists_every_failure()
    {
        var report = new TripDataValidator(Limits).Validate(FourTrips, January);

        Assert.Equal(0.5, report.RejectedShare);
        Assert.Equal(0.25, report.OutOfMonthShare);
        Assert.Equal(
            "green 2021-01: FAIL (rejected share: 50.00 % > 15.00 %; pickups outside 2021-01: 25.00 % > 20.00 %), 4 rows, 50.00 % rejected",
            report.ToString());
    }

    [Fact]
    public void An_empty_batch_reports_zero_shares_in_its_markdown()
    {
        var markdown = new TripDataValidator().Validate(ReadOnlySpan<TripRecord>.Empty, January).ToMarkdown();

        Assert.Contains("| rows | **FAIL** | 0 (minimum 1,000) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| NullTimestamp | 0 | 0.00 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| ZoneOutOfRange | 0 | 0.00 % |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_subject_names_the_report_whichever_way_the_trips_arrive()
    {
        var validator = new TripDataValidator(Limits);

        Assert.Equal("batch A", validator.Validate(FourTrips.AsSpan(), January, "batch A").Subject);
        Assert.Equal("batch B", validator.Validate(FourTrips.Where(_ => true), January, "batch B").Subject);
    }

    [Fact]
    public async Task Without_month_or_subject_every_input_is_called_trips()
    {
        var validator = new TripDataValidator(Limits);

        var fromEnumerable = validator.Validate(FourTrips.Where(_ => true));
        var fromStream = await validator.ValidateAsync(new[] { FourTrips }.ToAsyncEnumerable());
        var (whileConsumed, _) = await validator.ValidateWhileAsync(new[] { FourTrips }.ToAsyncEnumerable(), groups => groups.CountAsync().AsTask());

        Assert.Equal(["trips", "trips", "trips"], new[] { fromEnumerable.Subject, fromStream.Subject, whileConsumed.Subject });
    }

    [Fact]
    public async Task Validating_while_consuming_counts_what_the_consumer_read_and_keeps_its_result()
    {
        var validator = new TripDataValidator(Limits);

        var (report, trips) = await validator.ValidateWhileAsync(
            FourTrips.Chunk(3).ToAsyncEnumerable(),
            async groups => await groups.SelectMany(group => group.ToAsyncEnumerable()).CountAsync(),
            January,
            "streamed");

        Assert.Equal(4, trips);
        Assert.Equal(("streamed", 4L, 2L), (report.Subject, report.Rows, report.RejectedRows));
        Assert.Equal(0.25, report.NullShareByColumn[nameof(TripRecord.TotalAmount)]);
    }

    [Fact]
    public async Task Trips_as_columns_are_judged_exactly_as_the_same_trips_as_records()
    {
        var validator = new TripDataValidator(Limits);
        var asColumns = FourTrips.Chunk(3).Select(group => TripColumns.FromRecords(group)).ToArray();

        var fromRecords = validator.Validate(FourTrips, January);
        var fromColumns = await validator.ValidateAsync(asColumns.ToAsyncEnumerable(), January);
        var (whileConsumed, count) = await validator.ValidateWhileAsync(asColumns.ToAsyncEnumerable(), CountTripsAsync, January);

        Assert.Equal(fromRecords.ToMarkdown(), fromColumns.ToMarkdown());
        Assert.Equal(fromRecords.ToMarkdown(), whileConsumed.ToMarkdown());
        Assert.Equal(4, count);
    }

    [Fact]
    public async Task An_optional_column_the_file_lacks_counts_as_null_for_every_trip()
    {
        var records = TripColumns.FromRecords(FourTrips);
        // The same trips from a file with no fare column: the batch has no values there at all.
        var withoutFares = new TripColumns(
            records.Count, records.PickupTimes, records.DropoffTimes, records.PickupLocationIds, records.DropoffLocationIds,
            records.TripDistances, records.PassengerCounts, fareAmounts: default, records.TotalAmounts);

        var report = await new TripDataValidator(Limits).ValidateAsync(new[] { withoutFares }.ToAsyncEnumerable(), January);

        Assert.Equal(1.0, report.NullShareByColumn[nameof(TripRecord.FareAmount)]);
        Assert.Equal(0.25, report.NullShareByColumn[nameof(TripRecord.TotalAmount)]);
        Assert.Equal(0.0, report.NullShareByColumn[nameof(TripRecord.PassengerCount)]);
        Assert.Equal(0.25, report.NullShareByColumn[nameof(TripRecord.DropoffLocationId)]);
    }

    private static async Task<int> CountTripsAsync(IAsyncEnumerable<TripColumns> groups)
    {
        var trips = 0;
        await foreach (var group in groups)
        {
            trips += group.Count;
        }

        return trips;
    }
}
