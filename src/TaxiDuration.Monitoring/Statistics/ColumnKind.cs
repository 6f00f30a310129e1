namespace TaxiDuration.Monitoring.Statistics;

/// <summary>How Evidently treats a column when it picks a drift test.</summary>
public enum ColumnKind
{
    /// <summary>Numbers whose order and distance mean something (trip distance, fare).</summary>
    Numerical,

    /// <summary>Labels compared only for equality (pickup zone, payment type).</summary>
    Categorical,
}
