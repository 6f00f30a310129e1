using System.Globalization;
using TaxiDuration.Features;

namespace TaxiDuration.Monitoring.Tests.Drift;

/// <summary>Seeded synthetic trips for drift tests: a city of 40 zones, distances ~ lognormal, durations ~ 3 min/mile.</summary>
internal static class Trips
{
    public static TripExample[] Sample(int count, int seed, double distanceScale = 1, int hourShift = 0, int firstZone = 1, int zones = 40)
    {
        var random = new Random(seed);
        var trips = new TripExample[count];
        for (var i = 0; i < count; i++)
        {
            var distance = (float)(distanceScale * Math.Exp(0.8 + (0.6 * Gaussian(random))));
            trips[i] = new TripExample
            {
                PickupLocation = (firstZone + random.Next(zones)).ToString(CultureInfo.InvariantCulture),
                DropoffLocation = (firstZone + random.Next(zones)).ToString(CultureInfo.InvariantCulture),
                TripDistance = distance,
                // Busy mornings and evenings, as in a real city: a shifted clock moves this shape (a uniform one would not move).
                PickupHour = (8 + (int)Math.Abs(5 * Gaussian(random)) + hourShift) % 24,
                PickupDayOfWeek = random.Next(7),
                Duration = (float)((3 * distance) + 2 + (2 * Gaussian(random))),
            };
        }

        return trips;
    }

    /// <summary>A model's predictions: the true rule plus noise of the given size.</summary>
    public static float[] Predict(IReadOnlyList<TripExample> trips, double noise, int seed)
    {
        var random = new Random(seed);
        return [.. trips.Select(trip => (float)((3 * trip.TripDistance) + 2 + (noise * Gaussian(random))))];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
