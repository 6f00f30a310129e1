namespace TaxiDuration.Tracking;

/// <summary>A file attached to a run under a relative path; the bytes live once per content hash.</summary>
public sealed record ArtifactInfo(string RunId, string Path, string Sha256, long SizeBytes);
