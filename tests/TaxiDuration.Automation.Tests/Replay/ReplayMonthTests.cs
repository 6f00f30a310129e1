using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Features;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Tests.Replay;

/// <summary>What the replay serves of a month: only trips a client could request, each with its own pickup time.</summary>
public sealed class ReplayMonthTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task Trips_the_service_would_refuse_are_not_replayed_and_the_rest_keep_their_pickup_times()
    {
        var synthetic = (await ScenarioMonths.PrepareAsync(folder.Path, 2_000, ("2021-01", SyntheticScenario.None)))[0];
        // Meter glitches as real months have them: training keeps these trips, a client could never ask about them.
        var trips = (await new TlcTripReader().ReadAllAsync(synthetic.Prepared.File.Path)).Where(trip => TripFeaturizer.Featurize([trip]).KeptRows == 1).ToArray();
        trips[3] = trips[3] with { TripDistance = TripLimits.MaxDistanceMiles + 0.5 };
        trips[7] = trips[7] with { TripDistance = TripLimits.MaxDistanceMiles };
        var month = synthetic with { Prepared = synthetic.Prepared with { Features = TripFeaturizer.Featurize(trips) } };
        var lastPickup = month.Prepared.Features.PickupTimes[^1];

        var requestable = month.Requestable();

        Assert.Equal(month.Examples.Count - 1, requestable.Examples.Count);
        Assert.DoesNotContain(requestable.Examples, example => example.TripDistance > TripLimits.MaxDistanceMiles);
        Assert.Contains(requestable.Examples, example => example.TripDistance == (float)TripLimits.MaxDistanceMiles);
        Assert.Equal(requestable.Examples.Count, requestable.Prepared.Features.PickupTimes.Count);
        Assert.Equal(lastPickup, requestable.Prepared.Features.PickupTimes[^1]);
        Assert.Equal(month.Prepared.Features.PickupTimes[4], requestable.Prepared.Features.PickupTimes[3]);
    }

    public void Dispose() => folder.Dispose();
}
