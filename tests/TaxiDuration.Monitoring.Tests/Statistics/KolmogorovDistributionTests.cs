using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class KolmogorovDistributionTests
{
    public static TheoryData<int> KstwoCases => Fixtures.Indexes("kstwo_sf");

    public static TheoryData<int> SmirnovCases => Fixtures.Indexes("smirnov_sf");

    [Theory]
    [MemberData(nameof(KstwoCases))]
    public void Kolmogorov_survival_matches_scipy_kstwo_sf_in_every_branch(int index)
    {
        var fixture = Fixtures.Case("kstwo_sf", index);
        var n = fixture.GetProperty("n").GetInt32();
        var x = Fixtures.Number(fixture, "x");

        var sf = KolmogorovDistribution.Survival(x, n);

        Close.Assert(Fixtures.Number(fixture, "sf"), sf, what: $"kstwo.sf({x:R}, {n}) [{Fixtures.Text(fixture, "branch")}]");
    }

    [Theory]
    [MemberData(nameof(SmirnovCases))]
    public void Smirnov_survival_matches_scipy_special_smirnov(int index)
    {
        var fixture = Fixtures.Case("smirnov_sf", index);
        var n = fixture.GetProperty("n").GetInt32();
        var x = Fixtures.Number(fixture, "x");

        var sf = SmirnovDistribution.Survival(n, x);

        Close.Assert(Fixtures.Number(fixture, "sf"), sf, what: $"smirnov({n}, {x:R})");
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(7, 1)]
    [InlineData(30, 1)]
    public void Exact_equal_size_sum_can_exceed_one_which_is_what_sends_scipy_to_its_fallback(int n, int h)
    {
        // scipy computes 1.0000000000000002 here and, finding it outside [0, 1], switches to the asymptotic method.
        Assert.True(KolmogorovSmirnovExact.ProbabilityOutsideSquare(n, h) > 1.0);
        Assert.False(KolmogorovSmirnovExact.TryPValue(n, n, n, 1.0 / n, out _, out _));
    }
}
