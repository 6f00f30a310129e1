using Microsoft.ML;
using TaxiDuration.Model;
using TaxiDuration.Training.Evaluation;

namespace TaxiDuration.Training;

/// <summary>A fitted model with what is needed to save it (<see cref="ModelFile.Save"/>) and to judge it.</summary>
/// <param name="Model">The fitted pipeline, features and trainer, ready for <c>Transform</c>.</param>
/// <param name="InputSchema">The <see cref="TaxiDuration.Features.TripExample"/> schema the model expects; saved with it.</param>
/// <param name="Validation">Metrics on the validation examples.</param>
/// <param name="FitSeconds">Wall-clock time of the fit alone (featurizer and trainer), not of the evaluation.</param>
/// <param name="Metadata">What the model file will say about itself.</param>
public sealed record TrainingResult(
    ITransformer Model,
    DataViewSchema InputSchema,
    RegressionQuality Validation,
    double FitSeconds,
    ModelMetadata Metadata);
