namespace TaxiDuration.Tracking;

/// <summary>What identifies a run and where it stands (MLflow: RunInfo). Child runs (e.g. hyper-parameter trials) name their parent.</summary>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string? ParentRunId,
    string Name,
    RunStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    string? GitCommit,
    RunOwner Owner);
