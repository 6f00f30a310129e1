using TaxiDuration.Monitoring.Profiles;

namespace TaxiDuration.Monitoring.Drift;

/// <summary>
/// The champion's quality on a labelled window against its reference: RMSE and MAE, and the scale-free figures
/// (R², RMSE / target std) that stay comparable when a month's durations spread differently. The alarm needs the
/// ratio to the reference RMSE above <see cref="DriftOptions.RmseRatioAlert"/> and its bootstrap 95 % lower bound
/// above <see cref="DriftOptions.RmseRatioLowerBound"/>, so one noisy window does not raise it.
/// </summary>
public sealed record PerformanceCheck(
    int Trips,
    double Rmse,
    double Mae,
    double RSquared,
    double RmseOverStd,
    double ReferenceRmse,
    double ReferenceRmseOverStd,
    double RmseRatio,
    double RmseRatioLowerBound,
    bool Alarm)
{
    private const int BootstrapBlocks = 60;

    public static PerformanceCheck Evaluate(IReadOnlyList<float> actual, IReadOnlyList<float> predicted, IReadOnlyDictionary<string, double> referenceMetrics, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(referenceMetrics);
        ArgumentNullException.ThrowIfNull(options);
        var metrics = ProfileMetrics.Compute(actual, predicted);
        var referenceRmse = referenceMetrics[ProfileMetrics.Rmse];
        var referenceStd = referenceMetrics[ProfileMetrics.TargetStd];
        var rmse = metrics[ProfileMetrics.Rmse];
        var ratio = rmse / referenceRmse;
        var lowerBound = Math.Sqrt(BootstrapLowerMse(actual, predicted, options)) / referenceRmse;
        return new PerformanceCheck(
            actual.Count, rmse, metrics[ProfileMetrics.Mae], metrics[ProfileMetrics.RSquared], rmse / metrics[ProfileMetrics.TargetStd],
            referenceRmse, referenceRmse / referenceStd, ratio, lowerBound,
            Alarm: ratio > options.RmseRatioAlert && lowerBound > options.RmseRatioLowerBound);
    }

    // The 2.5 % quantile of the mean squared error over resampled blocks of consecutive trips (with replacement,
    // fixed seed). Blocks, not single trips: errors of trips close in time move together (weather, an incident),
    // and resampling a few dozen block sums costs nothing next to resampling every row.
    private static double BootstrapLowerMse(IReadOnlyList<float> actual, IReadOnlyList<float> predicted, DriftOptions options)
    {
        var blocks = Math.Min(BootstrapBlocks, actual.Count);
        var sums = new double[blocks];
        var counts = new int[blocks];
        for (var i = 0; i < actual.Count; i++)
        {
            var block = (int)((long)i * blocks / actual.Count);
            var error = (double)predicted[i] - actual[i];
            sums[block] += error * error;
            counts[block]++;
        }

        var random = new Random(options.Seed);
        var means = new double[options.BootstrapSamples];
        for (var b = 0; b < means.Length; b++)
        {
            double sum = 0, count = 0;
            for (var k = 0; k < blocks; k++)
            {
                var pick = random.Next(blocks);
                sum += sums[pick];
                count += counts[pick];
            }

            means[b] = sum / count;
        }

        Array.Sort(means);
        return means[(int)Math.Floor(0.025 * (means.Length - 1))];
    }
}
