namespace TaxiDuration.Model;

/// <summary>
/// What a model file says about itself, so a service or a registry never has to guess what it loaded:
/// which version, trained on which months, with which features and trainer, and how well it scored.
/// </summary>
public sealed record ModelMetadata(
    string Version,
    IReadOnlyList<string> TrainingMonths,
    string FeatureSet,
    string Trainer,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset CreatedAt);
