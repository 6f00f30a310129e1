using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class DriftTestSelectorTests
{
    public static TheoryData<int> Cases => Fixtures.Indexes("selector");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selector_picks_evidently_default_test_and_reaches_its_verdict(int index)
    {
        var fixture = Fixtures.Case("selector", index);
        var name = Fixtures.Text(fixture, "name");
        var reference = Fixtures.Text(fixture, "reference");
        var current = Fixtures.Text(fixture, "current");

        var decision = Fixtures.Text(fixture, "kind") == "num"
            ? DriftTestSelector.Numerical(Fixtures.Sample(reference), Fixtures.Sample(current))
            : DriftTestSelector.Categorical<int>(Fixtures.IntSample(reference), Fixtures.IntSample(current));

        Assert.Equal(Enum.Parse<DriftTest>(Fixtures.Text(fixture, "test")), decision.Test);
        Close.Assert(Fixtures.Number(fixture, "score"), decision.Score, what: name);
        Assert.Equal(fixture.GetProperty("drifted").GetBoolean(), decision.Drifted);
    }

    [Theory]
    [InlineData(ColumnKind.Numerical, 1000, 6, DriftTest.KolmogorovSmirnov)]
    [InlineData(ColumnKind.Numerical, 1000, 5, DriftTest.ChiSquare)]
    [InlineData(ColumnKind.Numerical, 1000, 3, DriftTest.ChiSquare)]
    [InlineData(ColumnKind.Numerical, 1000, 2, DriftTest.ZTest)]
    [InlineData(ColumnKind.Numerical, 1001, 6, DriftTest.Wasserstein)]
    [InlineData(ColumnKind.Numerical, 1001, 5, DriftTest.JensenShannon)]
    [InlineData(ColumnKind.Categorical, 1000, 265, DriftTest.ChiSquare)]
    [InlineData(ColumnKind.Categorical, 1000, 2, DriftTest.ZTest)]
    [InlineData(ColumnKind.Categorical, 1000, 1, DriftTest.ZTest)]
    [InlineData(ColumnKind.Categorical, 1001, 2, DriftTest.JensenShannon)]
    [InlineData(ColumnKind.Categorical, 1001, 265, DriftTest.JensenShannon)]
    public void Selector_follows_evidently_registry_by_kind_size_and_distinct_values(ColumnKind kind, int rows, int distinct, DriftTest expected)
    {
        Assert.Equal(expected, DriftTestSelector.Choose(kind, rows, distinct));
    }

    [Fact]
    public void Decision_explains_itself_in_one_sentence()
    {
        var decision = new DriftDecision(DriftTest.KolmogorovSmirnov, "K-S p_value", 0.0123, 0.05, true, 800, 412);

        Assert.Equal(
            "drift detected: K-S p_value 0.0123 ≤ 0.05 (test chosen because the reference has 800 rows, at most 1000, and there are 412 distinct values).",
            decision.Explain());
    }

    [Fact]
    public void Decision_on_a_distance_reads_the_other_way_round()
    {
        var decision = new DriftDecision(DriftTest.Wasserstein, "Wasserstein distance (normed)", 0.04, 0.1, false, 5000, 3000);

        Assert.False(decision.ScoreIsPValue);
        Assert.StartsWith("no drift: Wasserstein distance (normed) 0.04 < 0.1", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Numerical_selection_counts_rows_and_values_after_dropping_missing_ones()
    {
        // 1001 rows of which two are NaN: 999 remain, so the small-reference K-S test applies.
        var reference = Enumerable.Range(0, 999).Select(i => (double)i).Concat([double.NaN, double.NaN]).ToArray();
        var current = Enumerable.Range(0, 500).Select(i => i * 2.0).ToArray();

        var decision = DriftTestSelector.Numerical(reference, current);

        Assert.Equal(DriftTest.KolmogorovSmirnov, decision.Test);
        Assert.Equal(999, decision.ReferenceRows);
    }
}
