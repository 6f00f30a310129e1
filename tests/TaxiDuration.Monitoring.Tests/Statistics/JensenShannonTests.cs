using System.Text.Json;
using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Statistics;

public sealed class JensenShannonTests
{
    public static TheoryData<int> DistanceCases => Fixtures.Indexes("jensenshannon");

    public static TheoryData<int> EvidentlyCases => Fixtures.Indexes("jensenshannon_evidently");

    [Theory]
    [MemberData(nameof(DistanceCases))]
    public void Jensen_shannon_distance_matches_scipy_spatial_distance(int index)
    {
        var fixture = Fixtures.Case("jensenshannon", index);
        var logBase = fixture.GetProperty("base").ValueKind == JsonValueKind.Null ? (double?)null : Fixtures.Number(fixture, "base");

        var result = JensenShannon.Distance(Fixtures.Numbers(fixture.GetProperty("p")), Fixtures.Numbers(fixture.GetProperty("q")), logBase);

        Close.Assert(Fixtures.Number(fixture, "distance"), result, absolute: 1e-15, what: $"case {index}");
    }

    [Theory]
    [MemberData(nameof(EvidentlyCases))]
    public void Jensen_shannon_matches_evidently_jensenshannon_stat_test_on_scipy(int index)
    {
        var fixture = Fixtures.Case("jensenshannon_evidently", index);
        var name = Fixtures.Text(fixture, "name");
        var reference = Fixtures.Text(fixture, "reference");
        var current = Fixtures.Text(fixture, "current");

        var result = fixture.GetProperty("numeric").GetBoolean()
            ? JensenShannon.EvidentlyNumerical(Fixtures.Sample(reference), Fixtures.Sample(current))
            : JensenShannon.EvidentlyCategorical<int>(Fixtures.IntSample(reference), Fixtures.IntSample(current));

        // Identical samples give 0 up to rounding of the shares; an absolute floor covers that one case.
        Close.Assert(Fixtures.Number(fixture, "distance"), result, absolute: 1e-15, what: name);
    }

    [Fact]
    public void Jensen_shannon_in_base_two_is_one_for_distributions_without_overlap()
    {
        Assert.Equal(1.0, JensenShannon.EvidentlyCategorical<int>([1, 1, 2], [3, 4]), 15);
    }

    [Fact]
    public void Jensen_shannon_refuses_vectors_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => JensenShannon.Distance([1.0, 2.0], [1.0]));
    }
}
