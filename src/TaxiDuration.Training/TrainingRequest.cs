using TaxiDuration.Features;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Training;

/// <summary>Everything one training run needs: the examples, what to learn with, and what to record about it.</summary>
/// <param name="Train">Rows the model is fitted on.</param>
/// <param name="Validation">Rows the fitted model is scored on (never seen by the fit).</param>
/// <param name="FeatureSet">Which features the pipeline builds.</param>
/// <param name="Trainer">The learner and its hyper-parameters.</param>
/// <param name="TrainingMonths">The months <paramref name="Train"/> came from, e.g. ["2021-01"]; recorded in the metadata.</param>
/// <param name="Version">The model's version string; null lets the trainer derive one from the creation time.</param>
public sealed record TrainingRequest(
    IReadOnlyList<TripExample> Train,
    IReadOnlyList<TripExample> Validation,
    FeatureSet FeatureSet,
    TrainerSpec Trainer,
    IReadOnlyList<string> TrainingMonths,
    string? Version = null);
