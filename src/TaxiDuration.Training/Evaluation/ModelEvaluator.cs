using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;

namespace TaxiDuration.Training.Evaluation;

/// <summary>Scores fitted pipelines the way they are served (<see cref="BatchScorer"/>) and compares them with the labels.</summary>
public static class ModelEvaluator
{
    /// <summary>Predicts <paramref name="examples"/> with <paramref name="model"/> and compares with their Duration labels.</summary>
    public static RegressionQuality Evaluate(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("Cannot evaluate a model on zero examples.", nameof(examples));
        }

        var predicted = BatchScorer.Predict(ml, model, examples);
        return Compare([.. examples.Select(example => example.Duration)], predicted);
    }

    /// <summary>RMSE, MAE and R² of <paramref name="predicted"/> against <paramref name="actual"/>, in double precision.</summary>
    public static RegressionQuality Compare(IReadOnlyList<float> actual, IReadOnlyList<float> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count == 0 || actual.Count != predicted.Count)
        {
            throw new ArgumentException($"Need as many predictions as labels, and at least one: got {predicted.Count} for {actual.Count}.", nameof(predicted));
        }

        var mean = actual.Average(value => (double)value);
        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = (double)predicted[i] - actual[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        var rows = actual.Count;
        return new RegressionQuality(Math.Sqrt(squared / rows), absolute / rows, total > 0 ? 1 - (squared / total) : double.NaN, rows);
    }
}
