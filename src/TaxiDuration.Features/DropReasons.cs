namespace TaxiDuration.Features;

/// <summary>Why <see cref="TripFeaturizer"/> left a trip out of training; the keys of <see cref="FeaturizedMonth.Dropped"/>.</summary>
public static class DropReasons
{
    /// <summary>Pickup or drop-off time is null.</summary>
    public const string MissingTime = "missing_time";

    /// <summary>Pickup or drop-off zone is null.</summary>
    public const string MissingZone = "missing_zone";

    /// <summary>Trip distance is null.</summary>
    public const string MissingDistance = "missing_distance";

    /// <summary>A zone ID outside 1–265: the service would reject the same ride, so training does not learn it.</summary>
    public const string ZoneOutOfRange = "zone_out_of_range";

    /// <summary>Duration outside the course's 1–60 minutes.</summary>
    public const string DurationOutOfRange = "duration_out_of_range";

    /// <summary>Every reason, in the order they are checked (a trip counts under the first that applies).</summary>
    public static IReadOnlyList<string> All { get; } = [MissingTime, MissingZone, MissingDistance, ZoneOutOfRange, DurationOutOfRange];
}
