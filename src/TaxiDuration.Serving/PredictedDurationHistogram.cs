namespace TaxiDuration.Serving;

/// <summary>
/// How predicted trip durations are exported: in seconds, Prometheus' base unit for time (<c>promtool check metrics</c>
/// refuses a <c>_minutes</c> metric, and dashboards then need no unit of their own), on buckets that are the whole
/// minutes a person thinks of a taxi ride in.
/// </summary>
internal static class PredictedDurationHistogram
{
    private static readonly double[] BucketMinutes = [2, 5, 10, 15, 20, 30, 45, 60, 90];

    /// <summary>The bucket bounds, in seconds (2 min … 90 min).</summary>
    public static double[] Buckets => [.. BucketMinutes.Select(minutes => minutes * 60)];

    /// <summary>A prediction (minutes, the model's unit) as the histogram's value.</summary>
    public static double Seconds(float minutes) => minutes * 60.0;
}
