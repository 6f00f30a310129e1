namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// The partitions of the month the gate checks separately. Each is a way riders experience the service differently
/// (time of day, trip length, place, work days), where an overall gain can hide a local loss.
/// </summary>
public static class SliceFamilies
{
    /// <summary>Night 0–5, morning 6–9, midday 10–15, evening 16–19, late 20–23 (pickup hour).</summary>
    public const string HourBand = "hour band";

    /// <summary>Short, medium, long: split at the 1/3 and 2/3 quantiles of the month's own distances.</summary>
    public const string DistanceTercile = "distance tercile";

    /// <summary>The busiest pickup zones by trip count, one slice each.</summary>
    public const string PickupZone = "pickup zone";

    /// <summary>Weekday (Monday–Friday) vs weekend (Saturday, Sunday).</summary>
    public const string DayType = "day type";
}
