namespace TaxiDuration.Tracking;

/// <summary>A named group of runs (MLflow: experiment). Ids are strings so a remote backend's ids fit unchanged.</summary>
public sealed record Experiment(string ExperimentId, string Name, DateTimeOffset CreatedAt);
