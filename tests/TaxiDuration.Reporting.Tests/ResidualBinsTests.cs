namespace TaxiDuration.Reporting.Tests;

public sealed class ResidualBinsTests
{
    [Fact]
    public void Groups_values_by_bin_with_mean_and_spread()
    {
        float[] x = [0.2f, 0.7f, 1.5f, 1.6f, 9f];
        float[] residual = [1f, 3f, -2f, 2f, 100f];

        var bins = ResidualBins.Compute(x, residual, [0, 1, 2]);

        Assert.Equal(2, bins.Count);
        Assert.Equal((0, 1, 2, 2.0, 1.0), (bins[0].Lower, bins[0].Upper, bins[0].Count, bins[0].Mean, bins[0].StandardDeviation));
        Assert.Equal((1, 2, 2, 0.0, 2.0), (bins[1].Lower, bins[1].Upper, bins[1].Count, bins[1].Mean, bins[1].StandardDeviation));
        Assert.Equal(1.5, bins[1].Center);
    }

    [Fact]
    public void Empty_bins_are_left_out()
    {
        var bins = ResidualBins.Compute([0.5f, 5.5f], [1f, 1f], [0, 1, 2, 3, 4, 5, 6]);

        Assert.Equal([0.0, 5.0], bins.Select(bin => bin.Lower));
    }

    [Fact]
    public void Fewer_than_two_edges_are_refused() =>
        Assert.Throws<ArgumentException>(() => ResidualBins.Compute([1f], [1f], [0]));
}
