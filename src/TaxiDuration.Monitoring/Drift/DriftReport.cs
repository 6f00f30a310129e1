namespace TaxiDuration.Monitoring.Drift;

/// <summary>
/// One monitoring window against the champion's reference profile: every feature's drift, dataset drift, the
/// predictions' drift, data quality, and (once labels have arrived) performance.
/// </summary>
public sealed record DriftReport(
    string Window,
    string ReferenceMonth,
    IReadOnlyList<FeatureDrift> Features,
    PredictionDrift Prediction,
    DataQuality Quality,
    PerformanceCheck? Performance,
    double DatasetDriftShareThreshold)
{
    /// <summary>RMSE estimated from features and predictions alone (<see cref="LabelFreeRmse"/>), beside the real one once labels land.</summary>
    public double? EstimatedRmse { get; init; }

    /// <summary>Share of feature columns that drifted.</summary>
    public double DriftedShare => Features.Count == 0 ? 0 : (double)Features.Count(feature => feature.Drifted) / Features.Count;

    /// <summary>Evidently's dataset drift: at least the configured share of columns drifted.</summary>
    public bool DatasetDrift => Features.Count > 0 && DriftedShare >= DatasetDriftShareThreshold;

    /// <summary>The drift figure the trigger policy follows: the drifted share as a multiple of its threshold (≥ 1 is drift).</summary>
    public double DriftScore => DriftedShare / DatasetDriftShareThreshold;
}
