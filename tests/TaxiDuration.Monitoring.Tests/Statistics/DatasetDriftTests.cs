using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class DatasetDriftTests
{
    [Theory]
    [InlineData(0, 4, false)]
    [InlineData(1, 4, false)]
    [InlineData(2, 4, true)]
    [InlineData(1, 2, true)]
    [InlineData(2, 5, false)]
    [InlineData(3, 5, true)]
    public void Dataset_drifts_when_at_least_half_the_columns_drift(int drifted, int total, bool expected)
    {
        Assert.Equal(expected, DatasetDrift.IsDrifted(drifted, total));
    }

    [Fact]
    public void Dataset_drift_share_can_be_raised()
    {
        Assert.False(DatasetDrift.IsDrifted(2, 4, share: 0.75));
        Assert.True(DatasetDrift.IsDrifted(3, 4, share: 0.75));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 3)]
    [InlineData(4, 3)]
    public void Dataset_drift_refuses_impossible_counts(int drifted, int total)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetDrift.IsDrifted(drifted, total));
    }
}
