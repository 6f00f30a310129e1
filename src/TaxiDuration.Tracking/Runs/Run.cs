namespace TaxiDuration.Tracking;

/// <summary>A run with its data (MLflow: Run = info + data + inputs): params, the latest value of each metric, tags and data fingerprints.</summary>
public sealed record Run(
    RunInfo Info,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, Metric> LatestMetrics,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<DataFingerprint> DataFingerprints);
