using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class KolmogorovSmirnovTests
{
    public static TheoryData<int> KsCases => Fixtures.Indexes("ks");

    [Theory]
    [MemberData(nameof(KsCases))]
    public void Ks_statistic_and_p_value_match_scipy_ks_2samp(int index)
    {
        var fixture = Fixtures.Case("ks", index);
        var name = Fixtures.Text(fixture, "name");

        var result = KolmogorovSmirnov.TwoSample(Fixtures.Sample(Fixtures.Text(fixture, "reference")), Fixtures.Sample(Fixtures.Text(fixture, "current")));

        // The statistic is a difference of count ratios, or the snapped h/lcm: the same divisions as scipy's.
        Close.Assert(Fixtures.Number(fixture, "statistic"), result.Statistic, 1e-15, what: $"{name}: statistic");
        Close.Assert(Fixtures.Number(fixture, "pvalue"), result.PValue, what: $"{name}: p-value");
    }

    [Fact]
    public void Ks_is_symmetric_in_its_samples_for_the_two_sided_test()
    {
        var a = Fixtures.Sample("ks_normal_50");
        var b = Fixtures.Sample("ks_normal_60_shifted");

        Assert.Equal(KolmogorovSmirnov.TwoSample(a, b), KolmogorovSmirnov.TwoSample(b, a));
    }

    [Fact]
    public void Ks_drops_nan_and_infinities_before_testing()
    {
        var fixture = Fixtures.Cases("ks").Single(c => Fixtures.Text(c, "reference") == "ks_nan_free_80");
        var reference = Fixtures.Sample("ks_nan_free_80").ToList();
        var current = Fixtures.Sample("ks_nan_free_90").ToList();
        reference.InsertRange(10, [double.NaN, double.PositiveInfinity]);
        current.Insert(0, double.NegativeInfinity);
        current.Add(double.NaN);

        var result = KolmogorovSmirnov.TwoSample([.. reference], [.. current]);

        Close.Assert(Fixtures.Number(fixture, "pvalue"), result.PValue);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ks_names_the_sample_that_has_no_finite_value(bool referenceEmpty)
    {
        double[] empty = [double.NaN, double.PositiveInfinity];
        double[] fine = [1.0, 2.0];

        var error = Assert.Throws<ArgumentException>(() =>
            referenceEmpty ? KolmogorovSmirnov.TwoSample(empty, fine) : KolmogorovSmirnov.TwoSample(fine, empty));

        Assert.Equal(referenceEmpty ? "reference" : "current", error.ParamName);
    }
}
