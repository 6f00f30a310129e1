using TaxiDuration.Data.Synthetic;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>Each drift scenario moves the statistic its documentation promises, against a normal month of the same seed.</summary>
public sealed class SyntheticScenarioTests : IDisposable
{
    private const int Rows = 10_000;

    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task Lockdown_has_far_fewer_trips_at_higher_speed()
    {
        var normal = await SyntheticMonths.GenerateAsync(folder, Rows);
        var lockdown = await SyntheticMonths.GenerateAsync(folder, Rows, scenario: SyntheticScenario.Lockdown);

        Assert.True(lockdown.Length < 0.6 * normal.Length, $"{lockdown.Length} lockdown trips vs {normal.Length}");
        Assert.True(lockdown.MeanMph() > 1.2 * normal.MeanMph(), $"lockdown {lockdown.MeanMph():F1} mph vs {normal.MeanMph():F1} mph");
        Assert.True(lockdown.Moving().Average(trip => trip.DurationMinutes()!.Value) < normal.Moving().Average(trip => trip.DurationMinutes()!.Value));
    }

    [Fact]
    public async Task Zone_shift_puts_other_zones_on_top_without_changing_speed()
    {
        var normal = await SyntheticMonths.GenerateAsync(folder, Rows);
        var shifted = await SyntheticMonths.GenerateAsync(folder, Rows, scenario: SyntheticScenario.ZoneShift);

        Assert.Empty(normal.TopPickupZones(5).Intersect(shifted.TopPickupZones(5)));
        Assert.All(shifted.TopPickupZones(5), zone => Assert.Contains(zone, ScenarioProfile.ShiftedHubs));
        Assert.InRange(shifted.MeanMph() / normal.MeanMph(), 0.85, 1.15);
    }

    [Fact]
    public async Task Slow_traffic_makes_the_same_distances_take_longer()
    {
        var normal = await SyntheticMonths.GenerateAsync(folder, Rows);
        var slow = await SyntheticMonths.GenerateAsync(folder, Rows, scenario: SyntheticScenario.SlowTraffic);

        Assert.True(slow.MedianMinutesPerMile() > 1.25 * normal.MedianMinutesPerMile(), "minutes per mile should rise by about 40 %");
        // The inputs keep their distribution: only the target relation drifts.
        Assert.InRange(slow.Average(trip => trip.TripDistance!.Value) / normal.Average(trip => trip.TripDistance!.Value), 0.9, 1.1);
        Assert.Equal(normal.Length, slow.Length);
    }

    public void Dispose() => folder.Dispose();
}
