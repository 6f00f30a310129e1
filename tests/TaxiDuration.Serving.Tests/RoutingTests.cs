namespace TaxiDuration.Serving.Tests;

/// <summary>A/B routing: shares follow the weights, and a client keeps its variant.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class RoutingTests(TrainedModelFixture model)
{
    [Fact]
    public void Ten_thousand_clients_split_within_two_points_of_the_weights_and_each_keeps_its_variant()
    {
        var served = ServedModelTests.Load(model.ModelPath);
        var set = ServedModelSet.Create(
            [new ServedVariant("champion", served, 0.9, DateTimeOffset.UnixEpoch), new ServedVariant("challenger", served, 0.1, DateTimeOffset.UnixEpoch)],
            shadow: null);
        var clients = Enumerable.Range(0, 10_000).Select(i => $"client-{i}").ToArray();

        var first = clients.Select(client => set.Route(client).Name).ToArray();
        var again = clients.Select(client => set.Route(client).Name).ToArray();

        Assert.InRange(first.Count(name => name == "challenger") / 10_000.0, 0.08, 0.12);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Routing_does_not_depend_on_the_process_it_runs_in()
    {
        // The hash is FNV-1a with a fixed mix, not string.GetHashCode (randomised per process): replicas agree.
        Assert.Equal(StableHash.UnitInterval("client-42"), StableHash.UnitInterval(new string("client-42".ToCharArray())));
        Assert.InRange(StableHash.UnitInterval("client-42"), 0, 1);
        Assert.NotEqual(StableHash.UnitInterval("client-42"), StableHash.UnitInterval("client-43"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void An_answering_variant_needs_a_positive_weight(double weight)
    {
        var served = ServedModelTests.Load(model.ModelPath);

        Assert.Throws<ArgumentException>(() => ServedModelSet.Create([new ServedVariant("champion", served, weight, DateTimeOffset.UnixEpoch)], shadow: null));
    }
}
