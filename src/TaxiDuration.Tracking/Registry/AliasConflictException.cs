namespace TaxiDuration.Tracking;

/// <summary>An alias was not where the caller expected it: someone else moved it first. Nothing was changed.</summary>
public sealed class AliasConflictException : InvalidOperationException
{
    public AliasConflictException(string modelName, string alias, AliasPrecondition expected, int? actual)
        : base($"{modelName}@{alias} is {(actual is { } version ? $"version {version}" : "unset")}, not {expected} as expected: it was moved meanwhile. Nothing was changed; look again (models) and retry.")
    {
        ModelName = modelName;
        Alias = alias;
        Expected = expected;
        Actual = actual;
    }

    public string ModelName { get; }

    public string Alias { get; }

    public AliasPrecondition Expected { get; }

    public int? Actual { get; }
}
