namespace TaxiDuration.Tracking;

/// <summary>A stored artifact's bytes no longer hash to what was recorded: it was changed or corrupted and must not be used.</summary>
public sealed class ArtifactIntegrityException : IOException
{
    public ArtifactIntegrityException(string filePath, string expectedSha256, string actualSha256)
        : base($"Artifact file '{filePath}' fails its integrity check: recorded SHA-256 {expectedSha256}, file now hashes to {actualSha256}. Refusing to use it; re-log or re-register the artifact.")
    {
        FilePath = filePath;
        ExpectedSha256 = expectedSha256;
        ActualSha256 = actualSha256;
    }

    public string FilePath { get; }

    public string ExpectedSha256 { get; }

    public string ActualSha256 { get; }
}
