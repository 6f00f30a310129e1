using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class WassersteinTests
{
    public static TheoryData<int> Cases => Fixtures.Indexes("wasserstein");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wasserstein_matches_scipy_and_evidently_normalisation(int index)
    {
        var fixture = Fixtures.Case("wasserstein", index);
        var name = Fixtures.Text(fixture, "name");
        var reference = Fixtures.Sample(Fixtures.Text(fixture, "reference"));
        var current = Fixtures.Sample(Fixtures.Text(fixture, "current"));

        Close.Assert(Fixtures.Number(fixture, "distance"), Wasserstein.Distance(reference, current), what: $"{name}: distance");
        Close.Assert(Fixtures.Number(fixture, "normalized"), Wasserstein.NormalizedDistance(reference, current), what: $"{name}: normalised");
    }

    [Fact]
    public void Wasserstein_drops_nan_and_infinities()
    {
        var reference = Fixtures.Sample("w_ref_200");
        var current = Fixtures.Sample("w_cur_300");

        var withGaps = Wasserstein.NormalizedDistance([double.NaN, .. reference], [.. current, double.PositiveInfinity]);

        Assert.Equal(Wasserstein.NormalizedDistance(reference, current), withGaps);
    }

    [Fact]
    public void Wasserstein_names_the_sample_with_no_finite_value()
    {
        var error = Assert.Throws<ArgumentException>(() => Wasserstein.NormalizedDistance([double.NaN], [1.0]));

        Assert.Equal("reference", error.ParamName);
    }
}
