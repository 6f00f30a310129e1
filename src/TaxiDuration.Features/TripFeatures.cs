using System.Globalization;
using TaxiDuration.Trips;

namespace TaxiDuration.Features;

/// <summary>
/// The course's feature definitions, each in one place: the duration target and its 1–60 minute filter,
/// <c>PU_DO</c>, pickup hour and weekday. Training (<see cref="TripFeaturizer"/>) and serving
/// (<see cref="TripFeaturizer.ForRide(int, int, double, DateTime)"/>) both go through these.
/// </summary>
public static class TripFeatures
{
    /// <summary>Shortest trip the course trains on, in minutes (inclusive).</summary>
    public const double MinDurationMinutes = 1;

    /// <summary>Longest trip the course trains on, in minutes (inclusive).</summary>
    public const double MaxDurationMinutes = 60;

    /// <summary>Smallest valid TLC zone ID (see <see cref="TaxiZones"/>).</summary>
    public const int MinZoneId = TaxiZones.MinId;

    /// <summary>Largest valid TLC zone ID; 264 and 265 are the "unknown" zones (see <see cref="TaxiZones"/>).</summary>
    public const int MaxZoneId = TaxiZones.MaxId;

    /// <summary>The target: drop-off minus pickup, in minutes (negative when the drop-off is earlier).</summary>
    public static double DurationMinutes(DateTime pickup, DateTime dropoff) => (dropoff - pickup).TotalMinutes;

    /// <summary>The course's outlier filter: 1 ≤ <paramref name="minutes"/> ≤ 60, both ends inclusive.</summary>
    public static bool IsTrainableDuration(double minutes) => minutes is >= MinDurationMinutes and <= MaxDurationMinutes;

    /// <summary>A zone ID as the categorical string the models one-hot encode ("43").</summary>
    public static string Zone(int zoneId) => zoneId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The course's <c>PU_DO</c> feature: "43_151".</summary>
    public static string PickupDropoff(int pickupZone, int dropoffZone) => string.Concat(Zone(pickupZone), "_", Zone(dropoffZone));

    /// <summary>Hour of the pickup, 0–23, in the timestamp's own (New York) clock.</summary>
    public static int Hour(DateTime pickup) => pickup.Hour;

    /// <summary>Weekday of the pickup, 0 = Sunday … 6 = Saturday.</summary>
    public static int DayOfWeek(DateTime pickup) => (int)pickup.DayOfWeek;
}
