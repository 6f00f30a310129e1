namespace TaxiDuration.Tracking;

/// <summary>Which runs to return (MLflow: runs/search), newest first. Empty <see cref="ExperimentIds"/> means all experiments.</summary>
public sealed record RunQuery
{
    public IReadOnlyList<string> ExperimentIds { get; init; } = [];

    public RunStatus? Status { get; init; }

    /// <summary>Only the children of this run (its trials).</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Only top-level runs (no parent); ignored when <see cref="ParentRunId"/> is set.</summary>
    public bool TopLevelOnly { get; init; }

    public int MaxResults { get; init; } = 1000;
}
