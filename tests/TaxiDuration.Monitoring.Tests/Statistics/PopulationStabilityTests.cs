using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class PopulationStabilityTests
{
    public static TheoryData<int> Cases => Fixtures.Indexes("psi");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Psi_matches_the_numpy_formula_on_reference_deciles_and_categories(int index)
    {
        var fixture = Fixtures.Case("psi", index);
        var name = Fixtures.Text(fixture, "name");
        var reference = Fixtures.Text(fixture, "reference");
        var current = Fixtures.Text(fixture, "current");

        var result = fixture.GetProperty("numeric").GetBoolean()
            ? PopulationStability.Index(Fixtures.Sample(reference), Fixtures.Sample(current))
            : PopulationStability.Categorical<int>(Fixtures.IntSample(reference), Fixtures.IntSample(current));

        Close.Assert(Fixtures.Number(fixture, "psi"), result, absolute: 1e-15, what: name);
    }

    [Fact]
    public void Psi_collapses_duplicate_deciles_into_one_edge()
    {
        // Nine of ten values equal: every decile but the last is 5, so there are two inner edges (three bins), not nine.
        double[] reference = [5, 5, 5, 5, 5, 5, 5, 5, 5, 9];

        var edges = PopulationStability.ReferenceQuantileEdges(reference, 10);

        Assert.Equal(2, edges.Length);
        Assert.Equal(5.0, edges[0]);
        Assert.Equal(5.4, edges[1], 12);
    }

    [Fact]
    public void Psi_is_zero_for_identical_samples_and_grows_with_a_shift()
    {
        var reference = Fixtures.Sample("w_ref_200");
        var shifted = reference.Select(value => value + 1).ToArray();

        Assert.Equal(0.0, PopulationStability.Index(reference, reference));
        Assert.True(PopulationStability.Index(reference, shifted) > 0.1);
    }
}
