using TaxiDuration.Trips;

namespace TaxiDuration.Trips.Tests;

public sealed class TaxiMonthTests
{
    [Theory]
    [InlineData("green 2021-01", TaxiService.Green, 2021, 1)]
    [InlineData("2021-01", TaxiService.Green, 2021, 1)]
    [InlineData("yellow 2023-03", TaxiService.Yellow, 2023, 3)]
    [InlineData("  Yellow   2025-12 ", TaxiService.Yellow, 2025, 12)]
    public void Parse_accepts_the_documented_forms(string text, TaxiService service, int year, int month)
    {
        var parsed = TaxiMonth.Parse(text);

        Assert.Equal(new TaxiMonth(service, year, month), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-13")]
    [InlineData("2021-00")]
    [InlineData("2021-1")]
    [InlineData("21-01")]
    [InlineData("blue 2021-01")]
    [InlineData("green 2021-01 extra")]
    [InlineData("green_tripdata_2021-01")]
    [InlineData("2021/01")]
    public void Parse_rejects_bad_text_and_quotes_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => TaxiMonth.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.False(TaxiMonth.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_rejects_null() => Assert.False(TaxiMonth.TryParse(null, out _));

    [Fact]
    public void FileName_and_ToString_follow_the_TLC_names()
    {
        Assert.Equal("green_tripdata_2021-01.parquet", TaxiMonth.Parse("2021-01").FileName);
        Assert.Equal("yellow_tripdata_2023-03.parquet", TaxiMonth.Parse("yellow 2023-03").FileName);
        Assert.Equal("green 2021-01", TaxiMonth.Parse("2021-01").ToString());
        Assert.Equal("yellow 2023-03", new TaxiMonth(TaxiService.Yellow, 2023, 3).ToString());
    }

    [Theory]
    [InlineData("green 2021-01")]
    [InlineData("yellow 2024-12")]
    public void ToString_round_trips_through_Parse(string text) => Assert.Equal(text, TaxiMonth.Parse(text).ToString());

    [Fact]
    public void Next_and_Contains_use_the_calendar_month()
    {
        var december = TaxiMonth.Parse("2020-12");

        Assert.Equal(TaxiMonth.Parse("2021-01"), december.Next());
        Assert.True(december.Contains(new DateTime(2020, 12, 31, 23, 59, 59)));
        Assert.False(december.Contains(new DateTime(2021, 1, 1)));
        Assert.True(december.Contains(new DateTime(2020, 12, 1)));
    }

    [Fact]
    public void Constructor_rejects_impossible_months()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaxiMonth(TaxiService.Green, 2021, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaxiMonth(TaxiService.Green, 1999, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaxiMonth((TaxiService)7, 2021, 1));
    }
}
