namespace TaxiDuration.Tracking;

/// <summary>What a caller says when starting a run (MLflow: runs/create). Tags given here are set in the same transaction.</summary>
public sealed record NewRun(string ExperimentId, string Name)
{
    public string? ParentRunId { get; init; }

    public string? GitCommit { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
