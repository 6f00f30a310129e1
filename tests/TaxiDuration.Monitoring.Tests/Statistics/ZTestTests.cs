using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class ZTestTests
{
    public static TheoryData<int> Cases => Fixtures.Indexes("ztest_evidently");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Z_test_matches_evidently_z_stat_test_on_scipy_norm(int index)
    {
        var fixture = Fixtures.Case("ztest_evidently", index);
        var name = Fixtures.Text(fixture, "name");

        var result = ZTest.Evidently<int>(Fixtures.IntSample(Fixtures.Text(fixture, "reference")), Fixtures.IntSample(Fixtures.Text(fixture, "current")));

        Close.Assert(Fixtures.Number(fixture, "statistic"), result.Statistic, what: $"{name}: statistic");
        Close.Assert(Fixtures.Number(fixture, "pvalue"), result.PValue, what: $"{name}: p-value");
    }

    [Fact]
    public void Z_test_p_value_does_not_depend_on_which_category_comes_first()
    {
        var forward = ZTest.Evidently<string>(["a", "a", "b", "a"], ["b", "b", "a", "b", "b"]);
        var swapped = ZTest.Evidently<string>(["z", "z", "b", "z"], ["b", "b", "z", "b", "b"]);

        Assert.Equal(forward.PValue, swapped.PValue, 15);
        Assert.Equal(forward.Statistic, -swapped.Statistic, 15);
    }
}
