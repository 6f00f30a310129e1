namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test, <c>scipy.stats.ks_2samp(reference, current)</c> with its defaults
/// (two-sided, method='auto'), which Evidently runs for numeric columns with at most 1000 reference rows.
/// </summary>
public static class KolmogorovSmirnov
{
    // scipy's MAX_AUTO_N: 'auto' is exact only while both samples have at most this many values.
    private const int MaxExactSize = 10000;

    /// <summary>
    /// Largest gap between the two empirical CDFs and its two-sided p-value. Like scipy, the p-value is exact
    /// (lattice paths) when both samples have at most 10 000 values, asymptotic (the Kolmogorov distribution at
    /// n = round(n₁n₂/(n₁+n₂))) otherwise or when the exact sum goes out of [0, 1]; in the exact case the returned
    /// statistic is the gap snapped to a multiple of 1/lcm(n₁, n₂), as scipy returns it. NaN and ±∞ are dropped first.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has no finite value.</exception>
    public static TestResult TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var first = Samples.FiniteSorted(reference, nameof(reference));
        var second = Samples.FiniteSorted(current, nameof(current));
        var n1 = first.Length;
        var n2 = second.Length;
        var d = Statistic(first, second);
        var gcd = (int)GreatestCommonDivisor(n1, n2);

        double? pValue = null;
        if (Math.Max(n1, n2) <= MaxExactSize)
        {
            // On failure scipy keeps the snapped statistic for the asymptotic p-value (and the result).
            var exact = KolmogorovSmirnovExact.TryPValue(n1, n2, gcd, d, out d, out var p);
            pValue = exact ? p : null;
        }

        if (pValue is null)
        {
            double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
            var effectiveSize = m * n / (m + n);
            pValue = KolmogorovDistribution.Survival(d, (int)Math.Round(effectiveSize, MidpointRounding.ToEven));
        }

        return new TestResult(d, Math.Clamp(pValue.Value, 0.0, 1.0));
    }

    /// <summary>
    /// max |F₁ − F₂| over the pooled values, from one merge of the sorted samples; each CDF value is count/n as a
    /// double, the same division scipy performs, so ties between the larger positive and negative gap resolve alike.
    /// </summary>
    internal static double Statistic(double[] first, double[] second)
    {
        double n1 = first.Length, n2 = second.Length;
        var maxGap = double.NegativeInfinity;
        var minGap = double.PositiveInfinity;
        int i = 0, j = 0;
        while (i < first.Length || j < second.Length)
        {
            var value = j >= second.Length || (i < first.Length && first[i] <= second[j]) ? first[i] : second[j];
            while (i < first.Length && first[i] <= value)
            {
                i++;
            }

            while (j < second.Length && second[j] <= value)
            {
                j++;
            }

            var gap = (i / n1) - (j / n2);
            maxGap = Math.Max(maxGap, gap);
            minGap = Math.Min(minGap, gap);
        }

        var negative = Math.Clamp(-minGap, 0, 1);
        return negative > maxGap ? negative : maxGap;
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
