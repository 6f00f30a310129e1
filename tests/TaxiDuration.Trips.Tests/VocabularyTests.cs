namespace TaxiDuration.Trips.Tests;

/// <summary>The shared vocabulary's edges: zones, New York time across daylight saving, trip limits.</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(263, true)]
    [InlineData(264, true)]
    [InlineData(265, true)]
    [InlineData(266, false)]
    [InlineData(-1, false)]
    public void A_zone_is_valid_from_1_to_265(int zone, bool valid) => Assert.Equal(valid, TaxiZones.IsValid(zone));

    [Theory]
    [InlineData("2021-01-15T12:00:00Z", "2021-01-15T07:00:00")] // EST, UTC−5
    [InlineData("2021-07-15T12:00:00Z", "2021-07-15T08:00:00")] // EDT, UTC−4
    [InlineData("2021-03-14T06:59:00Z", "2021-03-14T01:59:00")] // a minute before clocks go forward
    [InlineData("2021-03-14T07:00:00Z", "2021-03-14T03:00:00")] // 02:00 does not exist that night
    public void New_york_time_is_the_wall_clock_the_tlc_records_use(string utc, string local)
    {
        var converted = NycTime.FromUtc(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), converted);
        Assert.Equal(DateTimeKind.Unspecified, converted.Kind);
    }

    [Fact]
    public void Now_in_new_york_reads_the_given_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2021, 2, 1, 13, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2021, 2, 1, 8, 30, 0), NycTime.Now(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
