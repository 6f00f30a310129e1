namespace TaxiDuration.Monitoring.Statistics;

/// <summary>Evidently's dataset-level verdict from the per-column ones.</summary>
public static class DatasetDrift
{
    /// <summary>Evidently's default share of drifted columns at which the whole dataset counts as drifted.</summary>
    public const double DefaultShare = 0.5;

    /// <summary>
    /// Evidently's <c>get_dataset_drift</c>: drifted when driftedColumns / totalColumns ≥ share, so with the
    /// default one column of two is already enough.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No columns, or a drifted count outside [0, total].</exception>
    public static bool IsDrifted(int driftedColumns, int totalColumns, double share = DefaultShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalColumns);
        ArgumentOutOfRangeException.ThrowIfNegative(driftedColumns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(driftedColumns, totalColumns);
        return (double)driftedColumns / totalColumns >= share;
    }
}
