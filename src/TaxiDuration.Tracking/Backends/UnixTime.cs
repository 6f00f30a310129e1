namespace TaxiDuration.Tracking.Backends;

/// <summary>
/// Every backend stores times as Unix milliseconds, MLflow's unit: they sort and compare as integers, and a time
/// round-trips to the same millisecond in any store.
/// </summary>
internal static class UnixTime
{
    public static long ToMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? FromMilliseconds(long? milliseconds) => milliseconds is { } value ? FromMilliseconds(value) : null;
}
