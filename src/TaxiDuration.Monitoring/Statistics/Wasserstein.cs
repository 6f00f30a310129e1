namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// The first Wasserstein (earth mover's) distance between two samples, and Evidently's normalised form of it, its
/// default numeric drift score when the reference has more than 1000 rows: unlike a p-value it does not shrink to
/// "significant" just because the samples are large.
/// </summary>
public static class Wasserstein
{
    // Evidently's floor on the reference spread, so a constant reference does not divide by zero.
    private const double MinimumScale = 0.001;

    /// <summary>
    /// <c>scipy.stats.wasserstein_distance(u, v)</c>: ∫ |U − V| over the pooled values, summed over the gaps between
    /// consecutive sorted values as scipy does. NaN and ±∞ are dropped first.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has no finite value.</exception>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        var first = Samples.FiniteSorted(u, nameof(u));
        var second = Samples.FiniteSorted(v, nameof(v));
        return SortedDistance(first, second);
    }

    /// <summary>
    /// Evidently's <c>wasserstein_distance_norm</c>: the distance divided by max(population std of the reference,
    /// 0.001), so the score reads in reference standard deviations. Evidently reports drift when it is ≥ 0.1.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has no finite value.</exception>
    public static double NormalizedDistance(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var first = Samples.Finite(reference, nameof(reference));
        var scale = Math.Max(PopulationStandardDeviation(first), MinimumScale);
        Array.Sort(first);
        var second = Samples.FiniteSorted(current, nameof(current));
        return SortedDistance(first, second) / scale;
    }

    /// <summary>numpy's <c>np.std</c> (ddof = 0): pairwise sums for the mean and for the squared deviations.</summary>
    internal static double PopulationStandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = Numerics.PairwiseSum(values) / values.Length;
        var squares = new double[values.Length];
        for (var i = 0; i < squares.Length; i++)
        {
            var deviation = values[i] - mean;
            squares[i] = deviation * deviation;
        }

        return Math.Sqrt(Numerics.PairwiseSum(squares) / values.Length);
    }

    private static double SortedDistance(double[] u, double[] v)
    {
        // At each pooled value but the last the CDFs are count/size, and the gap to the next pooled value weighs
        // |U − V|, as in scipy's _cdf_distance with p = 1; the products are summed the way np.sum does.
        var pooled = Merge(u, v);
        var terms = new double[pooled.Length - 1];
        int i = 0, j = 0;
        for (var k = 0; k < terms.Length; k++)
        {
            var value = pooled[k];
            while (i < u.Length && u[i] <= value)
            {
                i++;
            }

            while (j < v.Length && v[j] <= value)
            {
                j++;
            }

            var uCdf = i / (double)u.Length;
            var vCdf = j / (double)v.Length;
            terms[k] = Math.Abs(uCdf - vCdf) * (pooled[k + 1] - value);
        }

        return Numerics.PairwiseSum(terms);
    }

    private static double[] Merge(double[] u, double[] v)
    {
        var merged = new double[u.Length + v.Length];
        int i = 0, j = 0, k = 0;
        while (i < u.Length && j < v.Length)
        {
            merged[k++] = u[i] <= v[j] ? u[i++] : v[j++];
        }

        while (i < u.Length)
        {
            merged[k++] = u[i++];
        }

        while (j < v.Length)
        {
            merged[k++] = v[j++];
        }

        return merged;
    }
}
