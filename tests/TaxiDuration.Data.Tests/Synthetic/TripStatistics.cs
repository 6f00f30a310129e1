using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Synthetic;

/// <summary>The few statistics the synthetic-data tests compare, computed the way the course does (duration in minutes).</summary>
internal static class TripStatistics
{
    public static double? DurationMinutes(this TripRecord trip) =>
        trip.DropoffTime - trip.PickupTime is { } span ? span.TotalMinutes : null;

    /// <summary>The course's outlier filter: 1 ≤ duration ≤ 60 minutes.</summary>
    public static bool IsKept(this TripRecord trip) => trip.DurationMinutes() is >= 1 and <= 60;

    /// <summary>Kept trips with a real distance, where minutes per mile is meaningful.</summary>
    public static IEnumerable<TripRecord> Moving(this IEnumerable<TripRecord> trips) =>
        trips.Where(trip => trip.IsKept() && trip.TripDistance >= 0.5);

    /// <summary>Median minutes per mile: the inverse of speed, robust to the noisy tail.</summary>
    public static double MedianMinutesPerMile(this IEnumerable<TripRecord> trips) =>
        Median(trips.Moving().Select(trip => trip.DurationMinutes()!.Value / trip.TripDistance!.Value));

    public static double MeanMph(this IEnumerable<TripRecord> trips) =>
        trips.Moving().Average(trip => trip.TripDistance!.Value / (trip.DurationMinutes()!.Value / 60));

    public static int[] TopPickupZones(this IEnumerable<TripRecord> trips, int count) =>
        trips.Where(trip => trip.PickupLocationId.HasValue)
            .GroupBy(trip => trip.PickupLocationId!.Value)
            .OrderByDescending(zone => zone.Count())
            .ThenBy(zone => zone.Key)
            .Take(count)
            .Select(zone => zone.Key)
            .ToArray();

    public static double Correlation(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var meanX = xs.Average();
        var meanY = ys.Average();
        var covariance = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum();
        var spreadX = Math.Sqrt(xs.Sum(x => (x - meanX) * (x - meanX)));
        var spreadY = Math.Sqrt(ys.Sum(y => (y - meanY) * (y - meanY)));
        return covariance / (spreadX * spreadY);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
