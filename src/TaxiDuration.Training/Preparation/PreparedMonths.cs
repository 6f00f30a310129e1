namespace TaxiDuration.Training.Preparation;

/// <summary>The months of one training run by role, so no step has to know that "validation" was the second.</summary>
public sealed record PreparedMonths(PreparedMonth Train, PreparedMonth Validation, PreparedMonth? Test)
{
    /// <summary>Train, validation and (when there is one) test, in that order.</summary>
    public IReadOnlyList<PreparedMonth> All => Test is null ? [Train, Validation] : [Train, Validation, Test];
}
