using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class ChiSquareTests
{
    public static TheoryData<int> EvidentlyCases => Fixtures.Indexes("chisquare_evidently");

    public static TheoryData<int> PearsonCases => Fixtures.Indexes("chisquare_pearson");

    public static TheoryData<int> SurvivalCases => Fixtures.Indexes("chi2_sf");

    [Theory]
    [MemberData(nameof(EvidentlyCases))]
    public void Chi_square_matches_evidently_chisquare_stat_test_on_scipy(int index)
    {
        var fixture = Fixtures.Case("chisquare_evidently", index);
        var name = Fixtures.Text(fixture, "name");

        var result = ChiSquare.Evidently<int>(Fixtures.IntSample(Fixtures.Text(fixture, "reference")), Fixtures.IntSample(Fixtures.Text(fixture, "current")));

        Close.Assert(Fixtures.Number(fixture, "statistic"), result.Statistic, what: $"{name}: statistic");
        Close.Assert(Fixtures.Number(fixture, "pvalue"), result.PValue, what: $"{name}: p-value");
    }

    [Theory]
    [MemberData(nameof(PearsonCases))]
    public void Pearson_matches_scipy_chisquare(int index)
    {
        var fixture = Fixtures.Case("chisquare_pearson", index);

        var result = ChiSquare.Pearson(Fixtures.Numbers(fixture.GetProperty("observed")), Fixtures.Numbers(fixture.GetProperty("expected")));

        Close.Assert(Fixtures.Number(fixture, "statistic"), result.Statistic, what: "statistic");
        Close.Assert(Fixtures.Number(fixture, "pvalue"), result.PValue, what: "p-value");
    }

    [Theory]
    [MemberData(nameof(SurvivalCases))]
    public void Chi_squared_survival_matches_scipy_chi2_sf(int index)
    {
        var fixture = Fixtures.Case("chi2_sf", index);
        var x = Fixtures.Number(fixture, "x");
        var df = Fixtures.Number(fixture, "df");

        // Math.NET's incomplete gamma is a different implementation from cephes' igamc, so agreement is to its
        // accuracy rather than bit for bit; 1e-9 relative still holds from p ≈ 1 down to p ≈ 1e-300.
        Close.Assert(Fixtures.Number(fixture, "sf"), ChiSquaredDistribution.Survival(x, df), what: $"chi2.sf({x}, {df})");
    }

    [Fact]
    public void Chi_square_works_on_string_categories_and_drops_nulls()
    {
        // Nulls arrive from nullable columns even though the key type says otherwise; pandas drops them, so do we.
        string[] reference = ["card", "cash", "card", null!, "card", "dispute"];
        string[] current = ["cash", "cash", "card", "card", null!, null!, "card", "cash"];
        var withoutNulls = ChiSquare.Evidently<string>(["card", "cash", "card", "card", "dispute"], ["cash", "cash", "card", "card", "card", "cash"]);

        var result = ChiSquare.Evidently<string>(reference, current);

        Assert.Equal(withoutNulls, result);
    }

    [Fact]
    public void Chi_square_treats_nan_as_missing_for_floating_point_categories()
    {
        var result = ChiSquare.Evidently<double>([1, 2, double.NaN, 2, 3], [1, 1, 2, 3, double.NaN]);

        Assert.Equal(ChiSquare.Evidently<double>([1, 2, 2, 3], [1, 1, 2, 3]), result);
    }

    [Fact]
    public void Chi_square_names_the_sample_left_empty()
    {
        var error = Assert.Throws<ArgumentException>(() => ChiSquare.Evidently<double>([1.0], [double.NaN]));

        Assert.Equal("current", error.ParamName);
    }

    [Fact]
    public void Pearson_refuses_totals_that_disagree_like_scipy()
    {
        Assert.Throws<ArgumentException>(() => ChiSquare.Pearson([10, 10], [10, 11]));
    }
}
