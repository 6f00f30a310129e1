namespace TaxiDuration.Tracking;

/// <summary>A param was logged again with a different value; params record what a run was started with, so they never change.</summary>
public sealed class ParamConflictException : InvalidOperationException
{
    public ParamConflictException(string runId, string key, string existingValue, string attemptedValue)
        : base($"Run '{runId}' already has param '{key}' = '{existingValue}'; params are immutable, so '{attemptedValue}' was refused. Use a tag for values that change.")
    {
        RunId = runId;
        Key = key;
        ExistingValue = existingValue;
        AttemptedValue = attemptedValue;
    }

    public string RunId { get; }

    public string Key { get; }

    public string ExistingValue { get; }

    public string AttemptedValue { get; }
}
