using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace TaxiDuration.Training.LeastSquares;

/// <summary>
/// Turns solved weights into ML.NET's own <see cref="LinearRegressionModelParameters"/> inside a standard
/// <see cref="RegressionPredictionTransformer{TModel}"/>, so the model saves and loads like any ML.NET model.
/// </summary>
/// <remarks>
/// Why this route: ML.NET 5 has no public constructor for <see cref="LinearRegressionModelParameters"/> or for
/// the prediction transformer (both are internal), and a custom transformer would need its assembly registered
/// wherever the model is loaded. Its public online gradient descent trainer, however, builds exactly that model,
/// and with averaging, shuffling, L2 and learning-rate decay off, one pass is plain arithmetic we can steer:
/// each row with non-zero loss adds rate·(label − output)·2·features to the weights and the same step to the
/// bias (squared loss). With rate ½ the step is exactly label − output, so three rows write the model:
/// (features = w, label = 1) sets weights = w and bias = 1; (0, label = 0) brings the bias back to 0;
/// (0, label = b) sets the bias to b. Each step multiplies or adds exact values (×1, 1 − 1, 0 + b), so the
/// result matches the solution bit for bit, in O(number of features) time. <see cref="Write"/> checks that and
/// fails loudly if a future ML.NET changes the update rule.
/// </remarks>
internal static class LinearModelWriter
{
    public static RegressionPredictionTransformer<LinearRegressionModelParameters> Write(
        MLContext ml, float[] weights, float bias, string featureColumnName, string labelColumnName)
    {
        var rows = new[]
        {
            new WriterRow { Features = new VBuffer<float>(weights.Length, weights), Label = 1 },
            new WriterRow { Features = new VBuffer<float>(weights.Length, 0, [], []), Label = 0 },
            new WriterRow { Features = new VBuffer<float>(weights.Length, 0, [], []), Label = bias },
        };
        var schema = SchemaDefinition.Create(typeof(WriterRow));
        schema[nameof(WriterRow.Features)].ColumnName = featureColumnName;
        schema[nameof(WriterRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, weights.Length);
        schema[nameof(WriterRow.Label)].ColumnName = labelColumnName;
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        var trainer = ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            LossFunction = new SquaredLoss(),
            LearningRate = 0.5f,
            DecreaseLearningRate = false,
            L2Regularization = 0,
            Averaged = false,
            NumberOfIterations = 1,
            InitialWeightsDiameter = 0,
            Shuffle = false,
        });
        var transformer = trainer.Fit(data);
        EnsureWritten(transformer.Model, weights, bias);
        return transformer;
    }

    private static void EnsureWritten(LinearRegressionModelParameters model, float[] weights, float bias)
    {
        var written = model.Weights;
        var mismatch = written.Count != weights.Length || !model.Bias.Equals(bias)
            || Enumerable.Range(0, weights.Length).Any(j => !written[j].Equals(weights[j]));
        if (mismatch)
        {
            throw new InvalidOperationException(
                "ML.NET's online gradient descent no longer reproduces the solved weights exactly; " +
                "LinearModelWriter must be revisited for this ML.NET version.");
        }
    }

    /// <summary>The row shape of the three writer rows; column names and vector size are set per call.</summary>
    private sealed class WriterRow
    {
        public VBuffer<float> Features;
        public float Label;
    }
}
