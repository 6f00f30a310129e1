namespace TaxiDuration.Features;

/// <summary>
/// Featurized trips with the bookkeeping a run reports: how many rows came in, how many were kept, and how many
/// were dropped for each <see cref="DropReasons">reason</see> (every reason is present, zero or not).
/// </summary>
/// <param name="PickupTimes">Each example's pickup time (New York wall clock), same order: the date a trip belongs to,
/// which the model's features (hour, weekday) do not keep but day-level analyses (the deployment gate) need.</param>
public sealed record FeaturizedMonth(TripExample[] Examples, DateTime[] PickupTimes, int RawRows, int KeptRows, IReadOnlyDictionary<string, int> Dropped)
{
    /// <summary>Share of the raw rows kept, 0–1 (0 for an empty input).</summary>
    public double KeptShare => RawRows == 0 ? 0 : (double)KeptRows / RawRows;
}
