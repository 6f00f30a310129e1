using System.Globalization;
using Microsoft.ML;
using TaxiDuration.Model;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Training;

/// <summary>
/// Trains one model: builds the pipeline for a feature set and trainer spec, fits it on the training examples,
/// scores it on the validation examples and describes it in <see cref="ModelMetadata"/>. No I/O: saving is
/// <see cref="ModelFile"/>'s job, loading data is the caller's.
/// </summary>
public sealed class ModelTrainer(MLContext ml, TimeProvider timeProvider)
{
    /// <summary>Metric key of the fit time recorded next to the validation metrics.</summary>
    public const string FitSecondsKey = "fitSeconds";

    public TrainingResult Train(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Trainer.Validate();
        if (request.Train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(request));
        }

        if (request.Validation.Count == 0)
        {
            throw new ArgumentException("The validation set is empty.", nameof(request));
        }

        var pipeline = TrainerFactory.CreatePipeline(ml, request.FeatureSet, request.Trainer);
        var trainData = ml.Data.LoadFromEnumerable(request.Train);

        var started = timeProvider.GetTimestamp();
        var model = pipeline.Fit(trainData);
        var fitSeconds = timeProvider.GetElapsedTime(started).TotalSeconds;

        var validation = ModelEvaluator.Evaluate(ml, model, request.Validation);
        var createdAt = timeProvider.GetUtcNow();
        var metrics = new Dictionary<string, double>(validation.ToDictionary(), StringComparer.Ordinal) { [FitSecondsKey] = fitSeconds };
        var metadata = new ModelMetadata(
            request.Version ?? DefaultVersion(createdAt, request.Trainer),
            [.. request.TrainingMonths],
            request.FeatureSet.ToString(),
            request.Trainer.ToString(),
            metrics,
            createdAt);
        return new TrainingResult(model, trainData.Schema, validation, fitSeconds, metadata);
    }

    // Sortable by time and readable at a glance: 20210301-120000-linear.
    private static string DefaultVersion(DateTimeOffset createdAt, TrainerSpec trainer) =>
        createdAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + trainer.Name;
}
