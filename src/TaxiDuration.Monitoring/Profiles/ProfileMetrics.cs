namespace TaxiDuration.Monitoring.Profiles;

/// <summary>
/// Quality figures of predictions against actual durations, including scale-free ones: raw RMSE misleads across
/// months whose durations spread differently, R² and RMSE / target std do not.
/// </summary>
public static class ProfileMetrics
{
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string RSquared = "r2";
    public const string TargetStd = "target_std";
    public const string MeanPrediction = "mean_prediction";

    /// <summary>RMSE, MAE, R², the target's population standard deviation and the mean prediction.</summary>
    public static IReadOnlyDictionary<string, double> Compute(IReadOnlyList<float> actual, IReadOnlyList<float> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count == 0 || actual.Count != predicted.Count)
        {
            throw new ArgumentException($"Need equal, non-zero counts; got {actual.Count} actual and {predicted.Count} predicted.", nameof(predicted));
        }

        double squared = 0, absolute = 0, sum = 0, predictedSum = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = (double)predicted[i] - actual[i];
            squared += error * error;
            absolute += Math.Abs(error);
            sum += actual[i];
            predictedSum += predicted[i];
        }

        var n = actual.Count;
        var mean = sum / n;
        var totalSquares = 0.0;
        for (var i = 0; i < n; i++)
        {
            totalSquares += (actual[i] - mean) * (actual[i] - mean);
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Rmse] = Math.Sqrt(squared / n),
            [Mae] = absolute / n,
            [RSquared] = totalSquares == 0 ? double.NaN : 1 - (squared / totalSquares),
            [TargetStd] = Math.Sqrt(totalSquares / n),
            [MeanPrediction] = predictedSum / n,
        };
    }
}
