using TaxiDuration.Model;

namespace TaxiDuration.Training.Evaluation;

/// <summary>How well predicted durations match the real ones, in minutes (RMSE, MAE) and as explained variance.</summary>
/// <param name="Rmse">Root mean squared error, minutes: the course's headline metric.</param>
/// <param name="Mae">Mean absolute error, minutes.</param>
/// <param name="RSquared">Coefficient of determination (1 is perfect, 0 is "always predict the mean").</param>
/// <param name="Rows">How many rows were scored.</param>
public sealed record RegressionQuality(double Rmse, double Mae, double RSquared, long Rows)
{
    public const string RmseKey = "rmse";
    public const string MaeKey = "mae";
    public const string RSquaredKey = "r2";

    /// <summary>The metrics keyed as <see cref="ModelMetadata.Metrics"/> and experiment tracking store them.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary(string prefix = "") => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [prefix + RmseKey] = Rmse,
        [prefix + MaeKey] = Mae,
        [prefix + RSquaredKey] = RSquared,
    };
}
