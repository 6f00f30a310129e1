using Microsoft.ML;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Featurization;

namespace TaxiDuration.Training.Tests;

public sealed class ModelEvaluatorTests
{
    [Fact]
    public void Metrics_match_a_hand_computed_case()
    {
        // labels 1 2 3 4, scores 1 3 2 6 → errors 0, 1, −1, 2
        // MSE = (0 + 1 + 1 + 4) / 4 = 1.5; MAE = (0 + 1 + 1 + 2) / 4 = 1
        // R² = 1 − 6 / Σ(y − 2.5)² = 1 − 6 / 5 = −0.2
        var quality = ModelEvaluator.Compare([1, 2, 3, 4], [1, 3, 2, 6]);

        Assert.Equal(Math.Sqrt(1.5), quality.Rmse, precision: 9);
        Assert.Equal(1, quality.Mae, precision: 9);
        Assert.Equal(-0.2, quality.RSquared, precision: 9);
        Assert.Equal(4, quality.Rows);
    }

    [Fact]
    public void Metrics_are_keyed_for_metadata_and_tracking()
    {
        var metrics = new RegressionQuality(Rmse: 7.5, Mae: 5, RSquared: 0.4, Rows: 10).ToDictionary("val_");

        Assert.Equal(7.5, metrics["val_" + RegressionQuality.RmseKey]);
        Assert.Equal(5, metrics["val_" + RegressionQuality.MaeKey]);
        Assert.Equal(0.4, metrics["val_" + RegressionQuality.RSquaredKey]);
    }

    [Fact]
    public void Evaluating_on_no_examples_is_an_error_not_a_NaN()
    {
        var ml = new MLContext(seed: 1);
        var model = FeaturePipeline.Build(ml, FeatureSet.Course).Fit(ml.Data.LoadFromEnumerable(SyntheticTrips.Generate(5, seed: 1)));

        Assert.Throws<ArgumentException>(() => ModelEvaluator.Evaluate(ml, model, []));
        Assert.Throws<ArgumentException>(() => ModelEvaluator.Compare([1, 2], [1]));
    }
}
