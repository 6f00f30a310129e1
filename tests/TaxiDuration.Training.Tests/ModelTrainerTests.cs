using Microsoft.ML.Data;
using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;
using TaxiDuration.Training;

namespace TaxiDuration.Training.Tests;

public sealed class ModelTrainerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2021, 3, 1, 12, 30, 0, TimeSpan.Zero);
    private readonly MLContext _ml = new(seed: 1);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "taxi-training-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Result_carries_validation_metrics_and_a_complete_description()
    {
        var request = new TrainingRequest(
            SyntheticTrips.Generate(400, seed: 11, noise: 1), SyntheticTrips.Generate(100, seed: 12, noise: 1),
            FeatureSet.Course, TrainerSpec.Linear(0.5), ["2021-01"]);

        var result = new ModelTrainer(_ml, new FixedTimeProvider(Now)).Train(request);

        var independent = ModelEvaluator.Evaluate(_ml, result.Model, request.Validation);
        Assert.Equal(independent.Rmse, result.Validation.Rmse, precision: 9);
        Assert.InRange(result.Validation.Rmse, 0.01, 1); // noise is uniform ±0.5 min
        Assert.True(result.FitSeconds > 0);
        Assert.Equal("20210301-123000-linear", result.Metadata.Version);
        Assert.Equal(["2021-01"], result.Metadata.TrainingMonths);
        Assert.Equal("Course", result.Metadata.FeatureSet);
        Assert.Equal("linear(l2=0.5)", result.Metadata.Trainer);
        Assert.Equal(result.Validation.Rmse, result.Metadata.Metrics[RegressionQuality.RmseKey]);
        Assert.Equal(result.FitSeconds, result.Metadata.Metrics[ModelTrainer.FitSecondsKey]);
        Assert.Equal(Now, result.Metadata.CreatedAt);
    }

    [Theory]
    [InlineData(TrainerNames.Linear, FeatureSet.Course)]
    [InlineData(TrainerNames.FastTree, FeatureSet.Rich)]
    [InlineData(TrainerNames.LightGbm, FeatureSet.Rich)]
    public void Saved_model_loads_back_with_identical_predictions_and_metadata(string trainer, FeatureSet featureSet)
    {
        var validation = SyntheticTrips.Generate(100, seed: 14, noise: 1);
        var request = new TrainingRequest(
            SyntheticTrips.Generate(600, seed: 13, noise: 1), validation, featureSet,
            new TrainerSpec(trainer, trainer == TrainerNames.Linear ? null : new Dictionary<string, double> { [TrainerParameters.Trees] = 20 }),
            ["2021-01", "2021-02"], Version: "v-test");
        var result = new ModelTrainer(_ml, new FixedTimeProvider(Now)).Train(request);
        var path = Path.Combine(_folder, "model.zip");

        ModelFile.Save(_ml, result.Model, result.InputSchema, result.Metadata, path);
        var loaded = ModelFile.Load(new MLContext(seed: 2), path);

        Assert.Equal(Scores(result.Model, validation), Scores(loaded.Transformer, validation));
        Assert.Equal(result.Metadata.Version, loaded.Metadata.Version);
        Assert.Equal(result.Metadata.TrainingMonths, loaded.Metadata.TrainingMonths);
        Assert.Equal(result.Metadata.Trainer, loaded.Metadata.Trainer);
        Assert.Equal(result.Metadata.Metrics, loaded.Metadata.Metrics);
        Assert.Equal(result.Metadata.CreatedAt, loaded.Metadata.CreatedAt);
    }

    [Fact]
    public void Empty_training_data_is_rejected_with_a_reason()
    {
        var request = new TrainingRequest([], SyntheticTrips.Generate(5, seed: 1), FeatureSet.Course, TrainerSpec.Linear(), ["2021-01"]);

        var error = Assert.Throws<ArgumentException>(() => new ModelTrainer(_ml, TimeProvider.System).Train(request));

        Assert.Contains("training set is empty", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private float[] Scores(ITransformer model, IReadOnlyList<TripExample> trips) =>
        model.Transform(_ml.Data.LoadFromEnumerable(trips)).GetColumn<float>(nameof(DurationPrediction.Score)).ToArray();
}
