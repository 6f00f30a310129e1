namespace TaxiDuration.Tracking;

/// <summary>Metrics, params and tags logged together in one transaction (MLflow: runs/log-batch): all or nothing.</summary>
public sealed record RunBatch
{
    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
