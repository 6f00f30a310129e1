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

    [RealDataFact("2021-01")]
    public async Task The_2021_01_report_shows_what_the_file_holds()
    {
        var report = await validator.ValidateFileAsync(reader, RealData.GreenMonth("2021-01"));

        Assert.Equal(76_518, report.Rows);
        Assert.Equal(55, report.RejectedByReason[RejectionReason.AbsurdDistance]);
        Assert.Equal(0, report.RejectedByReason[RejectionReason.NullZone]);
        Assert.Equal(36_047 / 76_518.0, report.NullShareByColumn[nameof(TripRecord.PassengerCount)], 9);
        // SOURCES.md: 0.99996 of the pickups fall in January.
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
