using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace TaxiDuration.Training.LeastSquares;

/// <summary>
/// A ridge least-squares regression trainer for ML.NET pipelines: append it after a featurizer like any
/// trainer. Fit reads the feature vectors once, solves the normal equations with <see cref="RidgeSolver"/>
/// and returns ML.NET's standard linear regression transformer, which saves and loads with
/// <c>mlContext.Model</c> and needs nothing from this assembly at load time.
/// </summary>
public sealed class LeastSquaresRegressionTrainer : IEstimator<RegressionPredictionTransformer<LinearRegressionModelParameters>>
{
    private readonly MLContext _ml;
    private readonly LeastSquaresOptions _options;

    public LeastSquaresRegressionTrainer(MLContext ml, LeastSquaresOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        _ml = ml;
        _options = options ?? new LeastSquaresOptions();
        _options.Validate();
    }

    public RegressionPredictionTransformer<LinearRegressionModelParameters> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var design = SparseDesign.Read(input, _options.FeatureColumnName, _options.LabelColumnName);
        var solution = RidgeSolver.Solve(design, _options);
        if (!solution.Converged)
        {
            throw new InvalidOperationException(
                $"Least squares did not converge in {solution.Iterations} iterations (relative residual " +
                $"{solution.RelativeResidual:G3}); raise {nameof(LeastSquaresOptions.MaximumIterations)} or {nameof(LeastSquaresOptions.L2Regularization)}.");
        }

        var weights = solution.Weights.Select(weight => (float)weight).ToArray();
        return LinearModelWriter.Write(_ml, weights, (float)solution.Bias, _options.FeatureColumnName, _options.LabelColumnName);
    }

    // The output is whatever ML.NET's own linear regression transformer produces, so ask an equivalent trainer:
    // it validates the label and feature columns and adds Score exactly as the fitted model will.
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        _ml.Regression.Trainers.OnlineGradientDescent(_options.LabelColumnName, _options.FeatureColumnName).GetOutputSchema(inputSchema);
}
