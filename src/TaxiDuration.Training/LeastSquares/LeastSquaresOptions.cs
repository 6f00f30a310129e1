using TaxiDuration.Training.Featurization;

namespace TaxiDuration.Training.LeastSquares;

/// <summary>Settings of <see cref="LeastSquaresRegressionTrainer"/>; checked by <see cref="Validate"/> before any work.</summary>
public sealed record LeastSquaresOptions
{
    /// <summary>
    /// Default ridge strength, in units of "training rows": the weight of a category seen in n rows is shrunk
    /// by about n / (n + L2) toward intercept + slope·distance. On green 2021-01 the course features give
    /// validation (2021-02) / test (2021-03) RMSE 7.478 / 7.452 at 0.01 (≈ the course's OLS), 7.451 / 7.427 at
    /// 0.2, 7.472 / 7.451 at 0.5 and 7.97 / 7.97 at 3: pairs seen once or twice are mostly noise. Both months
    /// agree on the optimum, so 0.2 is not fitted to the validation month.
    /// </summary>
    public const double DefaultL2 = 0.2;

    /// <summary>Ridge penalty on every feature weight (never on the bias). 0 gives ordinary least squares.</summary>
    public double L2Regularization { get; init; } = DefaultL2;

    /// <summary>Stop when the normal-equation residual falls below this fraction of its starting size.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Conjugate-gradient iterations allowed before the fit fails as not converged.</summary>
    public int MaximumIterations { get; init; } = 2_000;

    /// <summary>The float-vector column to regress on.</summary>
    public string FeatureColumnName { get; init; } = FeaturePipeline.FeaturesColumn;

    /// <summary>The float target column.</summary>
    public string LabelColumnName { get; init; } = FeaturePipeline.LabelColumn;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!double.IsFinite(L2Regularization) || L2Regularization < 0)
        {
            throw new ArgumentException($"{nameof(L2Regularization)} must be a finite number ≥ 0, was {L2Regularization}.", nameof(L2Regularization));
        }

        if (!double.IsFinite(Tolerance) || Tolerance <= 0 || Tolerance >= 1)
        {
            throw new ArgumentException($"{nameof(Tolerance)} must be in (0, 1), was {Tolerance}.", nameof(Tolerance));
        }

        if (MaximumIterations < 1)
        {
            throw new ArgumentException($"{nameof(MaximumIterations)} must be ≥ 1, was {MaximumIterations}.", nameof(MaximumIterations));
        }

        if (string.IsNullOrWhiteSpace(FeatureColumnName) || string.IsNullOrWhiteSpace(LabelColumnName))
        {
            throw new ArgumentException("Feature and label column names must not be empty.", nameof(FeatureColumnName));
        }
    }
}
