using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TaxiDuration.Features;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.LeastSquares;

namespace TaxiDuration.Training.Tests;

public sealed class LeastSquaresRegressionTrainerTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void In_a_pipeline_it_predicts_a_noise_free_linear_rule_exactly()
    {
        var trips = SyntheticTrips.Generate(500, seed: 4);
        var pipeline = FeaturePipeline.Build(_ml, FeatureSet.Course)
            .Append(new LeastSquaresRegressionTrainer(_ml, new LeastSquaresOptions { L2Regularization = 1e-9 }));

        var model = pipeline.Fit(_ml.Data.LoadFromEnumerable(trips));

        var scores = Scores(model, trips);
        for (var i = 0; i < trips.Count; i++)
        {
            Assert.Equal(trips[i].Duration, scores[i], precision: 3);
        }
    }

    [Fact]
    public void The_model_is_ML_NETs_own_linear_regression_with_the_solved_slope()
    {
        var trips = SyntheticTrips.Generate(500, seed: 5);
        var model = new LeastSquaresRegressionTrainer(_ml, new LeastSquaresOptions { L2Regularization = 1e-9 })
            .Fit(FeaturePipeline.Build(_ml, FeatureSet.Course).Fit(_ml.Data.LoadFromEnumerable(trips)).Transform(_ml.Data.LoadFromEnumerable(trips)));

        Assert.IsType<RegressionPredictionTransformer<LinearRegressionModelParameters>>(model);
        Assert.Equal(SyntheticTrips.MinutesPerMile, model.Model.Weights[^1], precision: 4); // distance is the last slot
    }

    [Fact]
    public void A_solve_that_does_not_converge_is_refused_and_says_which_setting_to_raise()
    {
        // One conjugate-gradient step cannot reach a 1e-10 residual on hundreds of one-hot pairs with no ridge.
        var trips = SyntheticTrips.Generate(500, seed: 7);
        var featurized = FeaturePipeline.Build(_ml, FeatureSet.Course).Fit(_ml.Data.LoadFromEnumerable(trips)).Transform(_ml.Data.LoadFromEnumerable(trips));
        var trainer = new LeastSquaresRegressionTrainer(_ml, new LeastSquaresOptions { L2Regularization = 0, MaximumIterations = 1 });

        var refused = Assert.Throws<InvalidOperationException>(() => trainer.Fit(featurized));

        Assert.Contains("did not converge in 1 iterations", refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(LeastSquaresOptions.MaximumIterations), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_reproduces_arbitrary_weights_and_bias_bit_for_bit()
    {
        float[] weights = [0f, 1e-30f, -3.75f, 123456.79f, float.Epsilon, -0.1f, 7e20f];
        const float bias = -17.123457f;

        var transformer = LinearModelWriter.Write(_ml, weights, bias, FeaturePipeline.FeaturesColumn, FeaturePipeline.LabelColumn);

        Assert.Equal(weights, transformer.Model.Weights.ToArray());
        Assert.Equal(bias, transformer.Model.Bias);
    }

    [Fact]
    public void A_pair_never_seen_in_training_is_scored_from_bias_and_distance_alone()
    {
        var trips = SyntheticTrips.Generate(500, seed: 6);
        var model = FeaturePipeline.Build(_ml, FeatureSet.Course)
            .Append(new LeastSquaresRegressionTrainer(_ml))
            .Fit(_ml.Data.LoadFromEnumerable(trips));
        var unseenShort = new TripExample { PickupDropoff = "99_98", TripDistance = 1 };
        var unseenLong = new TripExample { PickupDropoff = "99_98", TripDistance = 3 };

        var scores = Scores(model, [unseenShort, unseenLong]);

        Assert.Equal(2 * SyntheticTrips.MinutesPerMile, scores[1] - scores[0], precision: 2);
    }

    [Fact]
    public void Schema_errors_name_the_missing_column()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticTrips.Generate(5, seed: 7));
        var trainer = new LeastSquaresRegressionTrainer(_ml, new LeastSquaresOptions { FeatureColumnName = "NoSuchColumn" });

        var error = Assert.ThrowsAny<Exception>(() => trainer.Fit(data));

        Assert.Contains("NoSuchColumn", error.Message, StringComparison.Ordinal);
    }

    private float[] Scores(ITransformer model, IReadOnlyList<TripExample> trips) =>
        model.Transform(_ml.Data.LoadFromEnumerable(trips)).GetColumn<float>(nameof(DurationPrediction.Score)).ToArray();
}
