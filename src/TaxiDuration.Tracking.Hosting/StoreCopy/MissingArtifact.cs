namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>An artifact row (a run's file or a model version's) whose bytes are not at <paramref name="ExpectedFile"/>.</summary>
public sealed record MissingArtifact(string RunId, string ArtifactPath, string Sha256, string ExpectedFile);
