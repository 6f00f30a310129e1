namespace TaxiDuration.Tracking;

/// <summary>
/// Which data a run read (MLflow: a dataset input with a digest): its role (train, validation, test), the month,
/// how many rows were used and the SHA-256 of the file, so a rerun can prove it saw the same bytes.
/// </summary>
public sealed record DataFingerprint(string Role, string Month, long Rows, string ContentHash);
