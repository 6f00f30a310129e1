using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Training.Featurization;

namespace TaxiDuration.Training.Evaluation;

/// <summary>Scores fitted pipelines with ML.NET's regression evaluator.</summary>
public static class ModelEvaluator
{
    /// <summary>Runs <paramref name="model"/> over <paramref name="examples"/> and compares its Score with the Duration label.</summary>
    public static RegressionQuality Evaluate(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("Cannot evaluate a model on zero examples.", nameof(examples));
        }

        return EvaluateScored(ml, model.Transform(ml.Data.LoadFromEnumerable(examples)), examples.Count);
    }

    /// <summary>Metrics of data that already has a label column and a Score column.</summary>
    public static RegressionQuality EvaluateScored(MLContext ml, IDataView scored, long rows, string labelColumnName = FeaturePipeline.LabelColumn)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var metrics = ml.Regression.Evaluate(scored, labelColumnName);
        return new RegressionQuality(metrics.RootMeanSquaredError, metrics.MeanAbsoluteError, metrics.RSquared, rows);
    }
}
