using TaxiDuration.Data.Synthetic;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>A synthetic month must look like a real green month where the models and the cleaning code care.</summary>
public sealed class SyntheticRealismTests(NormalMonthFixture month) : IClassFixture<NormalMonthFixture>
{
    private TripRecord[] Trips => month.Trips;

    [Fact]
    public void Duration_grows_with_distance()
    {
        var moving = Trips.Moving().ToArray();

        var correlation = TripStatistics.Correlation(
            moving.Select(trip => trip.TripDistance!.Value).ToArray(), moving.Select(trip => trip.DurationMinutes()!.Value).ToArray());

        Assert.InRange(correlation, 0.6, 0.99);
    }

    [Fact]
    public void Most_rows_survive_the_one_to_sixty_minute_filter_like_real_months()
    {
        var keptShare = Trips.Count(trip => trip.IsKept()) / (double)Trips.Length;

        Assert.InRange(keptShare, 0.90, 0.99);
    }

    [Fact]
    public void Weekday_rush_hour_is_slower_than_the_night()
    {
        var weekdays = Trips.Where(trip => trip.PickupTime!.Value.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();

        var rush = weekdays.Where(trip => trip.PickupTime!.Value.Hour is 17 or 18).MedianMinutesPerMile();
        var night = weekdays.Where(trip => trip.PickupTime!.Value.Hour is >= 1 and <= 4).MedianMinutesPerMile();

        Assert.True(rush > 1.4 * night, $"rush hour {rush:F2} min/mile should be well above night {night:F2} min/mile");
    }

    [Fact]
    public void Green_hub_zones_are_the_most_popular_pickups()
    {
        var top = Trips.TopPickupZones(5);

        Assert.All(top, zone => Assert.Contains(zone, ScenarioProfile.GreenHubs));
        var hubShare = Trips.Count(trip => ScenarioProfile.GreenHubs.Contains(trip.PickupLocationId!.Value)) / (double)Trips.Length;
        Assert.InRange(hubShare, 0.4, 0.8);
    }

    [Fact]
    public void Zones_cover_most_of_the_map_and_stay_valid()
    {
        var zones = Trips.SelectMany(trip => new[] { trip.PickupLocationId!.Value, trip.DropoffLocationId!.Value }).Distinct().ToArray();

        Assert.All(zones, zone => Assert.True(TaxiZones.IsValid(zone)));
        Assert.True(zones.Length > 200, $"only {zones.Length} distinct zones");
    }

    [Fact]
    public void Dirt_of_real_files_is_present()
    {
        Assert.Contains(Trips, trip => trip.DurationMinutes() < 0);
        Assert.Contains(Trips, trip => trip.DurationMinutes() > 24 * 60);
        Assert.Contains(Trips, trip => trip.TripDistance == 0);
        Assert.Contains(Trips, trip => !SyntheticMonths.January2021.Contains(trip.PickupTime!.Value));
        var missingPassengers = Trips.Count(trip => trip.PassengerCount is null) / (double)Trips.Length;
        Assert.InRange(missingPassengers, 0.01, 0.1);
    }

    [Fact]
    public void Pickups_follow_the_clock_of_the_city()
    {
        var afternoon = Trips.Count(trip => trip.PickupTime!.Value.Hour is >= 14 and < 18);
        var beforeDawn = Trips.Count(trip => trip.PickupTime!.Value.Hour is >= 2 and < 6);

        Assert.True(afternoon > 4 * beforeDawn, $"{afternoon} afternoon pickups vs {beforeDawn} before dawn");
    }
}
