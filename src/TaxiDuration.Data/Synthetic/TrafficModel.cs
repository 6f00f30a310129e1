using TaxiDuration.Trips;

namespace TaxiDuration.Data.Synthetic;

/// <summary>When trips start and how fast traffic moves, by hour of day and weekday (NYC-like shape).</summary>
internal static class TrafficModel
{
    /// <summary>Relative pickups per hour: quiet before dawn, busiest in the afternoon, like real green taxis.</summary>
    private static readonly double[] PickupsByHour =
        [1.2, 0.8, 0.6, 0.5, 0.5, 0.8, 1.8, 3.0, 3.8, 3.8, 3.6, 3.8, 4.0, 4.2, 4.6, 5.0, 5.0, 5.0, 4.8, 4.0, 3.2, 2.6, 2.2, 1.7];

    /// <summary>Weekday mph: free-flowing nights, slow morning (7–9) and evening (16–18) rush hours.</summary>
    private static readonly double[] WeekdayMph =
        [19, 20, 21, 21, 21, 19, 16, 12, 10.5, 11.5, 12.5, 12.5, 12.5, 12.5, 12, 11, 10, 9.5, 10.5, 12, 13.5, 15, 16, 17.5];

    /// <summary>Weekend mph: no morning rush, a busy midday and evening.</summary>
    private static readonly double[] WeekendMph =
        [18, 19, 20, 21, 21, 21, 20, 18, 16.5, 15, 14, 13, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 13, 13.5, 14, 15, 16, 17];

    private static readonly WeightedChoice PickupHour = new(PickupsByHour);

    public static bool IsWeekend(DateTime time) => time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A pickup time in the month, whole seconds, weekends a little quieter than weekdays.</summary>
    public static DateTime SamplePickup(TaxiMonth month, Random random)
    {
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        DateTime day;
        do
        {
            day = month.Start.AddDays(random.Next(days));
        }
        while (IsWeekend(day) && random.NextDouble() > 0.8);

        return day.AddHours(PickupHour.Draw(random)).AddSeconds(random.Next(3600));
    }

    /// <summary>Typical street speed in mph at <paramref name="time"/>.</summary>
    public static double SpeedMph(DateTime time) => (IsWeekend(time) ? WeekendMph : WeekdayMph)[time.Hour];

}
