namespace TaxiDuration.Tracking;

/// <summary>
/// What registering a version needs (MLflow: model-versions/create). The artifact must already be logged on the
/// run; its recorded SHA-256 becomes the version's.
/// </summary>
public sealed record NewModelVersion(string ModelName, string RunId, string ArtifactPath, string FeatureSet)
{
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<string> DataMonths { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
