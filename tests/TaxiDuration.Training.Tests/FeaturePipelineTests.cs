using Microsoft.ML;
using Microsoft.ML.Data;
using TaxiDuration.Features;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Training.Tests;

public sealed class FeaturePipelineTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Course_features_are_one_column_per_training_pair_plus_distance()
    {
        var trips = SyntheticTrips.Generate(50, seed: 1);
        var data = _ml.Data.LoadFromEnumerable(trips);

        var featurized = FeaturePipeline.Build(_ml, FeatureSet.Course).Fit(data).Transform(data);

        var features = featurized.Schema[FeaturePipeline.FeaturesColumn].Type as VectorDataViewType;
        Assert.NotNull(features);
        Assert.Equal(trips.Select(trip => trip.PickupDropoff).Distinct().Count() + 1, features.Size);
    }

    [Fact]
    public void Rich_features_encode_zones_hour_and_weekday()
    {
        var trips = SyntheticTrips.Generate(200, seed: 2);
        var data = _ml.Data.LoadFromEnumerable(trips);

        var featurized = FeaturePipeline.Build(_ml, FeatureSet.Rich).Fit(data).Transform(data);

        var expectedWidth = trips.Select(trip => trip.PickupLocation).Distinct().Count()
            + trips.Select(trip => trip.DropoffLocation).Distinct().Count()
            + trips.Select(trip => trip.PickupHour).Distinct().Count()
            + trips.Select(trip => trip.PickupDayOfWeek).Distinct().Count()
            + 3; // hour, weekday and distance as numbers
        var features = (VectorDataViewType)featurized.Schema[FeaturePipeline.FeaturesColumn].Type;
        Assert.Equal(expectedWidth, features.Size);
    }

    [Theory]
    [InlineData(FeatureSet.Course, TrainerNames.Linear)]
    [InlineData(FeatureSet.Rich, TrainerNames.Linear)]
    [InlineData(FeatureSet.Course, TrainerNames.FastTree)]
    [InlineData(FeatureSet.Rich, TrainerNames.LightGbm)]
    [InlineData(FeatureSet.PairPrior, TrainerNames.LightGbm)]
    [InlineData(FeatureSet.PairPrior, TrainerNames.FastTree)]
    public void Every_pipeline_scores_unseen_trips_far_better_than_their_mean(FeatureSet featureSet, string trainer)
    {
        var training = SyntheticTrips.Generate(400, seed: 3);
        var unseen = SyntheticTrips.Generate(100, seed: 8);
        var data = _ml.Data.LoadFromEnumerable(training);
        // Enough trees at the default learning rate to learn the distance rule, still a fraction of a second.
        var spec = trainer == TrainerNames.Linear ? new TrainerSpec(trainer) : new TrainerSpec(trainer, new Dictionary<string, double> { [TrainerParameters.Trees] = 30 });

        var model = TrainerFactory.CreatePipeline(_ml, featureSet, spec).Fit(data);

        Assert.Equal(NumberDataViewType.Single, model.GetOutputSchema(data.Schema)[nameof(DurationPrediction.Score)].Type);
        var quality = ModelEvaluator.Evaluate(_ml, model, unseen);
        // Predicting every unseen trip as the training mean: what a model that learned nothing would score.
        var mean = training.Average(trip => trip.Duration);
        var meanRmse = Math.Sqrt(unseen.Average(trip => (trip.Duration - mean) * (trip.Duration - mean)));
        Assert.True(quality.Rmse < meanRmse / 2, $"RMSE {quality.Rmse:F3} on unseen trips; the training mean scores {meanRmse:F3}");
    }

    [Fact]
    public void Unknown_feature_set_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FeaturePipeline.Build(_ml, (FeatureSet)99));
        Assert.Contains("feature set", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
