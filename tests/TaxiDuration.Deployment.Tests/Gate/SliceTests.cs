using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>Which slice each trip falls into, especially at the boundaries.</summary>
public sealed class SliceTests
{
    [Theory]
    [InlineData(0, "night")]
    [InlineData(5, "night")]
    [InlineData(6, "morning")]
    [InlineData(9, "morning")]
    [InlineData(10, "midday")]
    [InlineData(15, "midday")]
    [InlineData(16, "evening")]
    [InlineData(19, "evening")]
    [InlineData(20, "late")]
    [InlineData(23, "late")]
    public void Hour_bands_include_both_of_their_boundary_hours(int hour, string band)
    {
        Assert.Equal(band, HourBands.All[HourBands.IndexOf(hour)].Name);
    }

    [Fact]
    public void The_gate_counts_boundary_hours_into_their_bands()
    {
        var trips = new[] { 0, 5, 6, 9, 10, 15, 16, 19, 20, 23 }.Select(hour => Trips.Make(0, hour, 10, 11, 12)).ToArray();

        var slices = Decide(trips).Where(slice => slice.Family == SliceFamilies.HourBand);

        Assert.Equal([("night", 2), ("morning", 2), ("midday", 2), ("evening", 2), ("late", 2)], slices.Select(slice => (slice.Slice, slice.Trips)));
    }

    [Fact]
    public void Distance_tercile_edges_are_the_months_quantiles_and_a_trip_on_an_edge_is_in_the_lower_tercile()
    {
        // Seven distances 1…7: h = 6·1/3 = 2 and 6·2/3 = 4, so the edges are exactly the 3rd and 5th: 3 and 5 miles.
        var trips = Enumerable.Range(1, 7).Select(miles => Trips.Make(0, 8, 10, 11, 12, distance: miles)).ToArray();

        var terciles = Decide(trips).Where(slice => slice.Family == SliceFamilies.DistanceTercile).ToArray();

        Assert.Equal([("short", 3), ("medium", 2), ("long", 2)], terciles.Select(slice => (slice.Slice, slice.Trips)));
        Assert.Equal(["distance ≤ 3.00 mi", "3.00 mi < distance ≤ 5.00 mi", "distance > 5.00 mi"], terciles.Select(slice => slice.Definition));
    }

    [Fact]
    public void Distance_tercile_edges_interpolate_between_neighbouring_trips()
    {
        // Nine distances 1…9: h = 8/3 → 3 + 2/3·(4 − 3); h = 16/3 → 6 + 1/3·(7 − 6).
        var trips = Enumerable.Range(1, 9).Reverse().Select(miles => Trips.Make(0, 8, 10, 11, 12, distance: miles)).ToArray();

        var terciles = DistanceTerciles.From(trips);

        Assert.Equal(3 + (2.0 / 3), terciles.LowEdge, 12);
        Assert.Equal(6 + (1.0 / 3), terciles.HighEdge, 12);
        Assert.Equal(0, terciles.IndexOf(terciles.LowEdge));
        Assert.Equal(1, terciles.IndexOf(terciles.LowEdge + 1e-9));
        Assert.Equal(1, terciles.IndexOf(terciles.HighEdge));
        Assert.Equal(2, terciles.IndexOf(terciles.HighEdge + 1e-9));
    }

    [Fact]
    public void The_top_ten_zones_are_the_busiest_with_ties_broken_by_the_lower_zone_id()
    {
        var counts = new Dictionary<int, int> { [12] = 9, [11] = 8, [10] = 7, [9] = 6, [8] = 5, [7] = 4, [6] = 3, [5] = 2, [4] = 2, [3] = 2, [2] = 1, [1] = 1 };
        var trips = counts.SelectMany(pair => Enumerable.Repeat(Trips.Make(0, 8, 10, 11, 12, zone: pair.Key), pair.Value)).ToArray();

        var zones = Decide(trips).Where(slice => slice.Family == SliceFamilies.PickupZone).ToArray();

        Assert.Equal(
            ["zone 12", "zone 11", "zone 10", "zone 9", "zone 8", "zone 7", "zone 6", "zone 3", "zone 4", "zone 5"],
            zones.Select(slice => slice.Slice));
        Assert.Equal([9, 8, 7, 6, 5, 4, 3, 2, 2, 2], zones.Select(slice => slice.Trips));
        Assert.Equal("pickup zone 12 (#1 by trips)", zones[0].Definition);
    }

    [Fact]
    public void Saturday_and_sunday_are_the_weekend_and_the_other_days_weekdays()
    {
        // Day 2 of May 2024 is Friday the 3rd; days 3 and 4 are the weekend; day 5 is Monday.
        var trips = new[] { 2, 3, 4, 5, 5 }.Select(day => Trips.Make(day, 8, 10, 11, 12)).ToArray();

        var days = Decide(trips).Where(slice => slice.Family == SliceFamilies.DayType);

        Assert.Equal([("weekday", 3), ("weekend", 2)], days.Select(slice => (slice.Slice, slice.Trips)));
    }

    [Fact]
    public void A_judged_slice_exactly_at_the_ratio_limit_passes_and_one_just_above_fails()
    {
        // Champion misses by 4 minutes everywhere; the challenger by 5 on Monday (5/4 = 1.25 exactly) and by 5.01 on Saturday.
        var trips = Enumerable.Range(0, 4)
            .Select(i => Trips.Make(5, 8, 10, 15, 14, minute: i))
            .Concat(Enumerable.Range(0, 4).Select(i => Trips.Make(10, 8, 10, 15.01, 14, minute: i)))
            .ToArray();
        var options = new GateOptions { MinimumTrips = 1, SliceMinimumTrips = 1, BootstrapResamples = 10, SliceMaxRmseRatio = 1.25 };

        var days = new PromotionGate(options).Evaluate(Trips.Compare(trips)).Slices.Where(slice => slice.Family == SliceFamilies.DayType).ToArray();

        Assert.Equal(1.25, days[0].Ratio);
        Assert.True(days[0].Passed);
        Assert.False(days[1].Passed, $"weekend ratio {days[1].Ratio}");
    }

    private static IReadOnlyList<SliceResult> Decide(PairedTrip[] trips) =>
        new PromotionGate(Trips.Small()).Evaluate(Trips.Compare(trips)).Slices;
}
