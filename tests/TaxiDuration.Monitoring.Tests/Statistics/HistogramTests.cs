using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class HistogramTests
{
    public static TheoryData<int> SturgesCases => Fixtures.Indexes("sturges");

    public static TheoryData<int> ShareCases => Fixtures.Indexes("histogram");

    [Theory]
    [MemberData(nameof(SturgesCases))]
    public void Sturges_edges_match_numpy_histogram_bin_edges(int index)
    {
        var fixture = Fixtures.Case("sturges", index);
        var values = Fixtures.Text(fixture, "values");

        var edges = HistogramBins.Sturges(Fixtures.Sample(values));

        // Same arithmetic as numpy's linspace, so the edges are equal, not merely close.
        Assert.Equal(Fixtures.Numbers(fixture.GetProperty("edges")), edges);
    }

    [Theory]
    [MemberData(nameof(ShareCases))]
    public void Histogram_shares_match_numpy_histogram_with_its_closed_last_bin(int index)
    {
        var fixture = Fixtures.Case("histogram", index);

        var shares = Histogram.Shares(Fixtures.Sample(Fixtures.Text(fixture, "values")), Fixtures.Numbers(fixture.GetProperty("edges")));

        Assert.Equal(Fixtures.Numbers(fixture.GetProperty("shares")), shares);
    }

    [Fact]
    public void Sturges_gives_a_constant_sample_one_bin_half_a_unit_each_side()
    {
        Assert.Equal([2.5, 3.5], HistogramBins.Sturges([3.0, 3.0, 3.0]));
    }

    [Fact]
    public void Histogram_refuses_decreasing_edges()
    {
        var error = Assert.Throws<ArgumentException>(() => Histogram.Shares([1.0], [2.0, 1.0]));

        Assert.Equal("edges", error.ParamName);
    }
}
