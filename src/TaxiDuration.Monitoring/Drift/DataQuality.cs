namespace TaxiDuration.Monitoring.Drift;

/// <summary>
/// What arrived, before any model looks at it: columns added or removed against the reference month's file
/// (e.g. <c>cbd_congestion_fee</c> in 2025), the trip count against the reference's, and the rows validation rejected.
/// </summary>
public sealed record DataQuality(
    IReadOnlyList<string> AddedColumns,
    IReadOnlyList<string> RemovedColumns,
    int Rows,
    int ReferenceRows,
    double RejectedShare,
    bool VolumeChanged)
{
    public bool SchemaChanged => AddedColumns.Count > 0 || RemovedColumns.Count > 0;

    /// <summary>Relative change of the trip count, e.g. −0.62 for a month with 38 % of the reference's trips.</summary>
    public double VolumeChange => ReferenceRows == 0 ? 0 : ((double)Rows / ReferenceRows) - 1;

    public static DataQuality Compare(
        IReadOnlyCollection<string> referenceColumns, IReadOnlyCollection<string> currentColumns, int rows, int referenceRows, double rejectedShare, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(referenceColumns);
        ArgumentNullException.ThrowIfNull(currentColumns);
        ArgumentNullException.ThrowIfNull(options);
        var added = currentColumns.Except(referenceColumns, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var removed = referenceColumns.Except(currentColumns, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var changed = referenceRows > 0 && Math.Abs(((double)rows / referenceRows) - 1) > options.VolumeChange;
        return new DataQuality(added, removed, rows, referenceRows, rejectedShare, changed);
    }
}
