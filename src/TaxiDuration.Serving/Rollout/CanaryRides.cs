using TaxiDuration.Features;

namespace TaxiDuration.Serving.Rollout;

/// <summary>
/// Rides every model must score sensibly before it is served: short and long trips, busy and rare zones, every hour
/// and weekday. Fixed, so a version that passed once passes again; a broken feature pipeline or a diverged model
/// fails here instead of on traffic.
/// </summary>
internal static class CanaryRides
{
    public static IReadOnlyList<TripExample> All { get; } = Build();

    private static TripExample[] Build()
    {
        int[] zones = [1, 7, 42, 74, 75, 82, 95, 129, 166, 181, 244, 255, 260, 264, 265];
        double[] miles = [0, 0.3, 1, 2.5, 5, 9, 17, 40];
        var start = new DateTime(2024, 1, 1, 0, 0, 0);
        var rides = new List<TripExample>();
        for (var i = 0; i < 200; i++)
        {
            rides.Add(TripFeaturizer.ForRide(zones[i % zones.Length], zones[(i * 7) % zones.Length], miles[i % miles.Length], start.AddHours(i * 5)));
        }

        return [.. rides];
    }
}
