using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class QuantilesTests
{
    public static TheoryData<int> Cases => Fixtures.Indexes("quantiles");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Linear_quantile_matches_numpy_quantile(int index)
    {
        var fixture = Fixtures.Case("quantiles", index);
        var sorted = Fixtures.Sample(Fixtures.Text(fixture, "values")).Order().ToArray();
        var q = Fixtures.Number(fixture, "q");

        // numpy's _lerp, step for step: the same double, not merely a close one.
        Assert.Equal(Fixtures.Number(fixture, "value"), Quantiles.Linear(sorted, q));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Linear_quantile_refuses_levels_outside_zero_to_one(double q)
    {
        var error = Assert.Throws<ArgumentException>(() => Quantiles.Linear([1.0, 2.0], q));

        Assert.Equal("q", error.ParamName);
    }

    [Fact]
    public void Linear_quantile_refuses_unsorted_values()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Linear([2.0, 1.0], 0.5));
    }
}
