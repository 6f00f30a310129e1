namespace TaxiDuration.Training.LeastSquares;

/// <summary>A solved linear model and how the solver got there (iterations, final relative residual).</summary>
internal sealed record LinearSolution(double[] Weights, double Bias, int Iterations, double RelativeResidual, bool Converged);
