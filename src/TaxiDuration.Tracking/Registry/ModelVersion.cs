namespace TaxiDuration.Tracking;

/// <summary>
/// One registered version: which run produced it, which artifact of that run (path + SHA-256 at registration),
/// how it scored, which months and features it was trained with, and the aliases pointing at it now.
/// </summary>
public sealed record ModelVersion(
    string ModelName,
    int Version,
    string RunId,
    string ArtifactPath,
    string ArtifactSha256,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> DataMonths,
    string FeatureSet,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Aliases)
{
    /// <summary>The URI that names exactly this version, e.g. <c>taxi-duration/3</c>.</summary>
    public string Uri => $"{ModelName}/{Version}";
}
