using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Training;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Model.Tests;

/// <summary>Small real models (the project's own trainers, seconds to fit) saved as model files, for loading and scoring tests.</summary>
internal static class TinyModels
{
    public static IReadOnlyList<TripExample> Trips(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var pickup = random.Next(1, 20);
            var dropoff = random.Next(1, 20);
            var miles = 0.3 + (random.NextDouble() * 10);
            var hour = random.Next(0, 24);
            var example = TripFeaturizer.ForRide(pickup, dropoff, miles, new DateTime(2021, 1, 4).AddHours(hour));
            example.Duration = (float)(3 + (2.8 * miles) + (pickup % 4) + (hour is >= 7 and <= 9 ? 4 : 0) + random.NextDouble());
            return example;
        })];
    }

    /// <summary>Trains <paramref name="trainer"/> on synthetic trips and saves it to <paramref name="path"/>.</summary>
    public static void Save(string path, string trainer, string version)
    {
        var ml = new MLContext(seed: 3);
        var spec = trainer == TrainerNames.Linear ? TrainerSpec.Linear() : new TrainerSpec(trainer, new Dictionary<string, double> { [TrainerParameters.Trees] = 30 });
        var result = new ModelTrainer(ml, TimeProvider.System).Train(new TrainingRequest(
            Trips(2_000, seed: 1), Trips(200, seed: 2), trainer == TrainerNames.Linear ? FeatureSet.Course : FeatureSet.Rich, spec, ["synthetic"], version));
        ModelFile.Save(ml, result.Model, result.InputSchema, result.Metadata, path);
    }
}
