using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// Trains a tiny but real model on synthetic rides (PU_DO one-hot + distance + pickup hour, SDCA), so serving is
/// tested against the same kind of file the training CLI writes, in about a second.
/// </summary>
internal static class TestModel
{
    public const string Version = "test-sdca-1";

    public static void Train(string path)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(SyntheticRides(3_000));
        var pipeline = ml.Transforms.Categorical.OneHotEncoding(nameof(TripExample.PickupDropoff))
            .Append(ml.Transforms.Concatenate(
                "Features", nameof(TripExample.PickupDropoff), nameof(TripExample.TripDistance), nameof(TripExample.PickupHour)))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(TripExample.Duration), maximumNumberOfIterations: 30));
        var model = pipeline.Fit(data);
        var metadata = new ModelMetadata(
            Version, ["synthetic"], "PU_DO+distance+hour", "Sdca", new Dictionary<string, double>(), DateTimeOffset.UnixEpoch);
        ModelFile.Save(ml, model, data.Schema, metadata, path);
    }

    /// <summary>A LightGBM model on one-hot zones (so with categorical splits), saved like a training run saves it.</summary>
    public static void TrainTrees(string path)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(SyntheticRides(3_000));
        var spec = TaxiDuration.Training.Trainers.TrainerSpec.LightGbm(new Dictionary<string, double> { ["trees"] = 60, ["leaves"] = 31 });
        var pipeline = TaxiDuration.Training.Trainers.TrainerFactory.CreatePipeline(ml, TaxiDuration.Training.Featurization.FeatureSet.Rich, spec);
        var metadata = new ModelMetadata(
            "test-lightgbm-1", ["synthetic"], "zones+distance+hour", "LightGbm", new Dictionary<string, double>(), DateTimeOffset.UnixEpoch);
        ModelFile.Save(ml, pipeline.Fit(data), data.Schema, metadata, path);
    }

    /// <summary>Predicts directly with ML.NET, bypassing the service: the reference the HTTP answers must match.</summary>
    public static float PredictDirectly(string path, TripExample example)
    {
        var ml = new MLContext(seed: 1);
        var loaded = ModelFile.Load(ml, path);
        using var engine = ml.Model.CreatePredictionEngine<TripExample, DurationPrediction>(loaded.Transformer, loaded.InputSchema);
        return engine.Predict(example).Score;
    }

    private static IEnumerable<TripExample> SyntheticRides(int count)
    {
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var pickup = random.Next(1, 30);
            var dropoff = random.Next(1, 30);
            var miles = 0.2f + (float)random.NextDouble() * 12;
            var hour = random.Next(0, 24);
            yield return new TripExample
            {
                PickupLocation = $"{pickup}",
                DropoffLocation = $"{dropoff}",
                PickupDropoff = $"{pickup}_{dropoff}",
                TripDistance = miles,
                PickupHour = hour,
                Duration = 3 + (2.5f * miles) + (pickup % 5) + (0.5f * hour) + (float)random.NextDouble(),
            };
        }
    }
}
