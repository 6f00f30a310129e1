namespace TaxiDuration.Features;

/// <summary>
/// Featurized trips with the bookkeeping a run reports: how many rows came in, how many were kept, and how many
/// were dropped for each <see cref="DropReasons">reason</see> (every reason is present, zero or not).
/// </summary>
public sealed record FeaturizedMonth(TripExamples Examples, int RawRows, IReadOnlyDictionary<string, int> Dropped)
{
    /// <summary>How many trips were kept as examples.</summary>
    public int KeptRows => Examples.Count;

    /// <summary>
    /// Each example's pickup time (New York wall clock), same order: the date a trip belongs to, which the model's
    /// features (hour, weekday) do not keep but day-level analyses (the deployment gate) need.
    /// </summary>
    public IReadOnlyList<DateTime> PickupTimes => Examples.PickupTimes;

    /// <summary>Share of the raw rows kept, 0–1 (0 for an empty input).</summary>
    public double KeptShare => RawRows == 0 ? 0 : (double)KeptRows / RawRows;
}
