namespace TaxiDuration.Tracking.Sqlite;

/// <summary>Times are stored as Unix milliseconds, MLflow's unit, so they sort and compare as integers.</summary>
internal static class UnixTime
{
    public static long ToMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? FromMilliseconds(long? milliseconds) => milliseconds is { } value ? FromMilliseconds(value) : null;
}
