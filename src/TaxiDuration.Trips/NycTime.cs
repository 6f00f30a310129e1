namespace TaxiDuration.Trips;

/// <summary>
/// New York local time, the clock the TLC timestamps are written in. Trip records carry naive local times
/// (<see cref="DateTimeKind.Unspecified"/>); this turns instants into that form, so "now" at serving time and a
/// pickup read from a file land on the same hour and weekday.
/// </summary>
public static class NycTime
{
    private static readonly Lazy<TimeZoneInfo> LazyZone = new(FindZone);

    /// <summary>America/New_York (IANA) or Eastern Standard Time (Windows).</summary>
    /// <exception cref="InvalidOperationException">The machine has no time-zone data for New York.</exception>
    public static TimeZoneInfo Zone => LazyZone.Value;

    /// <summary>The New York wall-clock time of a UTC instant, as a naive (<see cref="DateTimeKind.Unspecified"/>) value.</summary>
    public static DateTime FromUtc(DateTime utc) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone), DateTimeKind.Unspecified);

    /// <summary>The current New York wall-clock time by <paramref name="clock"/>.</summary>
    public static DateTime Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return FromUtc(clock.GetUtcNow().UtcDateTime);
    }

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "America/New_York", "Eastern Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        throw new InvalidOperationException(
            "No time-zone data for America/New_York on this machine; install the tzdata package (TLC timestamps are New York local time).");
    }
}
