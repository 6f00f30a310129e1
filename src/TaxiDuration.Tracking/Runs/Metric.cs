namespace TaxiDuration.Tracking;

/// <summary>One logged metric value; every value is kept, so a key has a history ordered by step then time.</summary>
public sealed record Metric(string Key, double Value, long Step, DateTimeOffset Timestamp);
