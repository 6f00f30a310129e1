using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Tests.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Validation;

public sealed class ValidationTests
{
    private static readonly TaxiMonth January = TaxiMonth.Parse("2021-01");
    private readonly TripDataValidator validator = new();

    /// <summary>A clean January: trips of 5–25 minutes between valid zones, 1–10 miles.</summary>
    private static TripRecord[] CleanMonth(int rows = 5000)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, rows).Select(i =>
        {
            var pickup = January.Start.AddMinutes(random.Next(0, 31 * 24 * 60 - 60));
            return new TripRecord(pickup, pickup.AddMinutes(5 + random.Next(20)), random.Next(1, 266), random.Next(1, 266), 1, 1 + (random.NextDouble() * 9), 10, 12);
        })];
    }

    [Fact]
    public void A_clean_month_passes_every_check()
    {
        var report = validator.Validate(CleanMonth(), January);

        Assert.True(report.Passed, report.ToMarkdown());
        Assert.Equal(5000, report.Rows);
        Assert.Equal(0, report.RejectedRows);
        Assert.Equal(0, report.OutOfMonthShare);
        Assert.Empty(report.Failures);
        Assert.All(report.NullShareByColumn.Values, share => Assert.Equal(0, share));
        Assert.Equal("green 2021-01", report.Subject);
        Assert.StartsWith("green 2021-01: PASS, 5,000 rows", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_rejection_reason_is_counted()
    {
        var t = January.Start.AddDays(3);
        TripRecord[] dirt =
        [
            new(null, t, 1, 2, 1, 1, 1, 1),                       // null timestamp
            new(t, t.AddMinutes(-5), 1, 2, 1, 1, 1, 1),            // dropoff before pickup
            new(t, t.AddDays(1).AddSeconds(1), 1, 2, 1, 1, 1, 1),  // over a day
            new(t, t.AddMinutes(5), 1, 2, 1, null, 1, 1),          // null distance
            new(t, t.AddMinutes(5), 1, 2, 1, 0, 1, 1),             // zero distance
            new(t, t.AddMinutes(5), 1, 2, 1, -3, 1, 1),            // negative distance
            new(t, t.AddMinutes(5), 1, 2, 1, 500.5, 1, 1),         // absurd distance
            new(t, t.AddMinutes(5), 1, 2, 1, double.NaN, 1, 1),    // not a number of miles
            new(t, t.AddMinutes(5), null, 2, 1, 1, 1, 1),          // null zone
            new(t, t.AddMinutes(5), 0, 266, 1, 1, 1, 1),           // zones outside 1..265
            new(null, null, null, null, null, null, null, null),   // everything at once: one row, four reasons
        ];

        var report = validator.Validate([.. CleanMonth(1000), .. dirt], January);

        Assert.Equal(2, report.RejectedByReason[RejectionReason.NullTimestamp]);
        Assert.Equal(1, report.RejectedByReason[RejectionReason.DropoffBeforePickup]);
        Assert.Equal(1, report.RejectedByReason[RejectionReason.DurationOverLimit]);
        Assert.Equal(2, report.RejectedByReason[RejectionReason.NullDistance]);
        Assert.Equal(2, report.RejectedByReason[RejectionReason.NonPositiveDistance]);
        Assert.Equal(2, report.RejectedByReason[RejectionReason.AbsurdDistance]);
        Assert.Equal(2, report.RejectedByReason[RejectionReason.NullZone]);
        Assert.Equal(1, report.RejectedByReason[RejectionReason.ZoneOutOfRange]);
        Assert.Equal(dirt.Length, report.RejectedRows);
        Assert.Equal(2.0 / 1011, report.NullShareByColumn[nameof(TripRecord.PickupTime)], 12);
        Assert.True(report.Passed, report.ToMarkdown());
    }

    [Fact]
    public void Boundaries_of_a_day_and_500_miles_are_still_accepted()
    {
        var t = January.Start.AddDays(3);
        TripRecord[] edge = [new(t, t.AddDays(1), 1, 265, 1, 500, 1, 1), new(t, t, 264, 1, 1, 0.01, 1, 1)];

        var report = new TripDataValidator(new DataValidationOptions { MinRows = 1 }).Validate(edge, January);

        Assert.Equal(0, report.RejectedRows);
    }

    [Fact]
    public void Sixty_percent_null_zones_fail_and_name_the_column()
    {
        var records = CleanMonth();
        for (var i = 0; i < records.Length * 6 / 10; i++)
        {
            records[i] = records[i] with { PickupLocationId = null };
        }

        var report = validator.Validate(records, January);

        Assert.False(report.Passed);
        var failure = Assert.Single(report.Failures, check => check.Name == "null share of PickupLocationId");
        Assert.Equal("60.00 % > 5.00 %", failure.Detail);
        Assert.Contains(report.Failures, check => check.Name == "rejected share");
        Assert.Contains("FAIL (null share of PickupLocationId: 60.00 % > 5.00 %", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("| null share of PickupLocationId | **FAIL** | 60.00 % > 5.00 % |", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_entirely_from_another_month_fails_the_out_of_month_check()
    {
        var report = validator.Validate(CleanMonth(), TaxiMonth.Parse("2021-02"));

        Assert.False(report.Passed);
        Assert.Equal(1, report.OutOfMonthShare);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("pickups outside 2021-02", failure.Name);
        Assert.Equal("100.00 % > 1.00 %", failure.Detail);
    }

    [Fact]
    public void Without_an_expected_month_the_out_of_month_check_is_skipped()
    {
        var report = validator.Validate(CleanMonth());

        Assert.Null(report.OutOfMonthShare);
        Assert.DoesNotContain(report.Checks, check => check.Name.StartsWith("pickups outside", StringComparison.Ordinal));
        Assert.Equal("trips", report.Subject);
    }

    [Fact]
    public void Too_few_rows_fail()
    {
        var report = validator.Validate(CleanMonth(10), January);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("rows", failure.Name);
        Assert.Equal("10 (minimum 1,000)", failure.Detail);
    }

    [Fact]
    public void An_empty_batch_fails_on_rows_without_dividing_by_zero()
    {
        var report = validator.Validate(ReadOnlySpan<TripRecord>.Empty, January);

        Assert.False(report.Passed);
        Assert.Equal(0, report.RejectedShare);
        Assert.All(report.NullShareByColumn.Values, share => Assert.Equal(0, share));
    }

    [Fact]
    public void Garbage_distances_fail_the_rejected_share()
    {
        var records = CleanMonth().Select((record, i) => i % 4 == 0 ? record with { TripDistance = 0 } : record).ToArray();

        var report = validator.Validate(records, January);

        var failure = Assert.Single(report.Failures);
        Assert.Equal("rejected share", failure.Name);
        Assert.Equal("25.00 % > 15.00 %", failure.Detail);
        Assert.Equal(1250, report.RejectedByReason[RejectionReason.NonPositiveDistance]);
    }

    [Fact]
    public void Optional_columns_are_reported_but_not_checked()
    {
        var records = CleanMonth().Select(record => record with { PassengerCount = null }).ToArray();

        var report = validator.Validate(records, January);

        Assert.True(report.Passed);
        Assert.Equal(1, report.NullShareByColumn[nameof(TripRecord.PassengerCount)]);
        Assert.Contains("| PassengerCount | 100.00 % |", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enumerable_span_and_stream_inputs_agree()
    {
        var records = CleanMonth(3000);
        records[5] = records[5] with { TripDistance = 0 };

        var fromSpan = validator.Validate(records.AsSpan(), January);
        var fromEnumerable = validator.Validate(records.Where(_ => true), January);
        var fromStream = await validator.ValidateAsync(records.Chunk(700).ToAsyncEnumerable(), January);

        Assert.Equal(fromSpan.ToMarkdown(), fromEnumerable.ToMarkdown());
        Assert.Equal(fromSpan.ToMarkdown(), fromStream.ToMarkdown());
    }

    [Fact]
    public async Task A_file_is_validated_against_the_month_in_its_name()
    {
        using var files = new ReadingFiles();
        var t = TaxiMonth.Parse("2023-03").Start;
        var path = await files.WriteGreenAsync("green_tripdata_2023-03.parquet", [.. Enumerable.Range(0, 20).Select(i => ((DateTime?)t.AddHours(i), (DateTime?)t.AddHours(i).AddMinutes(9), (int?)1, (int?)2, (double?)1.5))]);

        var report = await new TripDataValidator(new DataValidationOptions { MinRows = 20 }).ValidateFileAsync(new TlcTripReader(), path);

        Assert.True(report.Passed, report.ToMarkdown());
        Assert.Equal(TaxiMonth.Parse("2023-03"), report.ExpectedMonth);
        Assert.Equal("green_tripdata_2023-03.parquet", report.Subject);
        Assert.Contains("### Data validation: green_tripdata_2023-03.parquet — PASS", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(DataValidationOptions.MaxNullShare))]
    [InlineData(nameof(DataValidationOptions.MaxOutOfMonthShare))]
    [InlineData(nameof(DataValidationOptions.MaxRejectedShare))]
    public void Shares_outside_zero_to_one_are_rejected_when_the_validator_is_built(string option)
    {
        var options = new DataValidationOptions();
        typeof(DataValidationOptions).GetProperty(option)!.SetValue(options, 1.5);

        var error = Assert.Throws<ArgumentException>(() => new TripDataValidator(options));

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Non_positive_limits_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TripDataValidator(new DataValidationOptions { MaxTripDistanceMiles = 0 }));
        Assert.Throws<ArgumentException>(() => new TripDataValidator(new DataValidationOptions { MaxTripDuration = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new TripDataValidator(new DataValidationOptions { MinRows = -1 }));
    }
}
