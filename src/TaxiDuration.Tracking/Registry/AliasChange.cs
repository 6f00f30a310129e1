namespace TaxiDuration.Tracking;

/// <summary>
/// One entry of the append-only alias audit trail: when an alias moved, from which version (null: it was new) to
/// which (null: it was removed), why, and who moved it.
/// </summary>
public sealed record AliasChange(
    long Sequence,
    string ModelName,
    string Alias,
    int? FromVersion,
    int? ToVersion,
    string Reason,
    string Actor,
    DateTimeOffset ChangedAt);
