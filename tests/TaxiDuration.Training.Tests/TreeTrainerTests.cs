using Microsoft.ML;
using Microsoft.ML.Data;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Training.Tests;

public sealed class TreeTrainerTests
{
    private static readonly Dictionary<string, double> SmallTrees = new()
    {
        [TrainerParameters.Trees] = 30,
        [TrainerParameters.Leaves] = 8,
        [TrainerParameters.MinExamplesPerLeaf] = 5,
    };

    [Theory]
    [InlineData(TrainerNames.FastTree, FeatureSet.Course)]
    [InlineData(TrainerNames.FastTree, FeatureSet.Rich)]
    [InlineData(TrainerNames.LightGbm, FeatureSet.Rich)]
    public void Trees_learn_most_of_a_known_relation(string trainer, FeatureSet featureSet)
    {
        var ml = new MLContext(seed: 1);
        var train = SyntheticTrips.Generate(2_000, seed: 8, noise: 1);
        var validation = SyntheticTrips.Generate(500, seed: 9, noise: 1);

        var model = TrainerFactory.CreatePipeline(ml, featureSet, new TrainerSpec(trainer, SmallTrees)).Fit(ml.Data.LoadFromEnumerable(train));

        // Durations spread over about 25 minutes; always guessing the mean would give R² = 0.
        var quality = ModelEvaluator.Evaluate(ml, model, validation);
        Assert.True(quality.RSquared > 0.9, $"R² was {quality.RSquared}");
    }

    [Fact]
    public void The_same_spec_and_data_give_the_same_model()
    {
        var train = SyntheticTrips.Generate(1_000, seed: 10, noise: 2);
        var spec = new TrainerSpec(TrainerNames.LightGbm, SmallTrees);

        float[] Predict()
        {
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(train);
            var model = TrainerFactory.CreatePipeline(ml, FeatureSet.Rich, spec).Fit(data);
            return model.Transform(data).GetColumn<float>("Score").ToArray();
        }

        Assert.Equal(Predict(), Predict());
    }
}
