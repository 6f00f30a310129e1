namespace TaxiDuration.Monitoring.Statistics;

/// <summary>Shares of a sample in given bins, the distribution that binned drift scores compare.</summary>
public static class Histogram
{
    /// <summary>
    /// <c>np.histogram(values, edges)[0] / len(values)</c>: bin i holds edges[i] ≤ x &lt; edges[i+1], except the last,
    /// which is closed on the right; values outside [edges[0], edges[^1]] fall in no bin but still count in n. NaN
    /// and ±∞ are dropped first (and so do not count in n).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two edges, a NaN edge, decreasing edges, or no finite value.</exception>
    public static double[] Shares(ReadOnlySpan<double> values, ReadOnlySpan<double> edges)
    {
        if (edges.Length < 2)
        {
            throw new ArgumentException($"Need at least two edges; got {edges.Length}.", nameof(edges));
        }

        for (var i = 0; i < edges.Length; i++)
        {
            if (double.IsNaN(edges[i]) || (i > 0 && edges[i] < edges[i - 1]))
            {
                throw new ArgumentException("Edges must be non-decreasing numbers.", nameof(edges));
            }
        }

        var sorted = Samples.FiniteSorted(values, nameof(values));
        var cumulative = new int[edges.Length];
        for (var i = 0; i < edges.Length - 1; i++)
        {
            cumulative[i] = LowerBound(sorted, edges[i]);
        }

        cumulative[^1] = UpperBound(sorted, edges[^1]);
        var shares = new double[edges.Length - 1];
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = (double)(cumulative[i + 1] - cumulative[i]) / sorted.Length;
        }

        return shares;
    }

    /// <summary>Number of values strictly below <paramref name="value"/> (numpy searchsorted, side='left').</summary>
    internal static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Number of values at or below <paramref name="value"/> (numpy searchsorted, side='right').</summary>
    internal static int UpperBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
