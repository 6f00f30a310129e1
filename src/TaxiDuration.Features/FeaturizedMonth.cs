namespace TaxiDuration.Features;

/// <summary>
/// Featurized trips with the bookkeeping a run reports: how many rows came in, how many were kept, and how many
/// were dropped for each <see cref="DropReasons">reason</see> (every reason is present, zero or not).
/// </summary>
public sealed record FeaturizedMonth(TripExample[] Examples, int RawRows, int KeptRows, IReadOnlyDictionary<string, int> Dropped)
{
    /// <summary>Share of the raw rows kept, 0–1 (0 for an empty input).</summary>
    public double KeptShare => RawRows == 0 ? 0 : (double)KeptRows / RawRows;
}
