namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>Rows of <paramref name="Table"/> copied so far; reported when a table is done and every 100,000 rows of a big one.</summary>
public sealed record StoreCopyProgress(string Table, long Copied, long Total)
{
    public bool Done => Copied == Total;
}
