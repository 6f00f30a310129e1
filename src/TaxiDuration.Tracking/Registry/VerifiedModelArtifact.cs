namespace TaxiDuration.Tracking;

/// <summary>A version and a local file whose SHA-256 was just checked against the registered one.</summary>
public sealed record VerifiedModelArtifact(ModelVersion Version, string FilePath);
