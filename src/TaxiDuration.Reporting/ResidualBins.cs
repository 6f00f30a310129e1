namespace TaxiDuration.Reporting;

/// <summary>Mean and spread of residuals within one bin of an explanatory variable.</summary>
public readonly record struct ResidualBin(double Lower, double Upper, int Count, double Mean, double StandardDeviation)
{
    public double Center => (Lower + Upper) / 2;
}

/// <summary>Groups residuals into bins of a variable; empty bins are left out rather than drawn as zero.</summary>
public static class ResidualBins
{
    /// <param name="binEdges">Ascending edges; values below the first or at/above the last edge are ignored.</param>
    public static IReadOnlyList<ResidualBin> Compute(IReadOnlyList<float> x, IReadOnlyList<float> residual, double[] binEdges)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(residual);
        ArgumentNullException.ThrowIfNull(binEdges);
        if (binEdges.Length < 2)
        {
            throw new ArgumentException("At least two bin edges are needed.", nameof(binEdges));
        }

        var count = new int[binEdges.Length - 1];
        var sum = new double[count.Length];
        var sumOfSquares = new double[count.Length];
        for (var i = 0; i < x.Count; i++)
        {
            var bin = Array.BinarySearch(binEdges, (double)x[i]);
            bin = bin >= 0 ? bin : ~bin - 1;
            if (bin < 0 || bin >= count.Length)
            {
                continue;
            }

            count[bin]++;
            sum[bin] += residual[i];
            sumOfSquares[bin] += (double)residual[i] * residual[i];
        }

        var bins = new List<ResidualBin>();
        for (var b = 0; b < count.Length; b++)
        {
            if (count[b] == 0)
            {
                continue;
            }

            var mean = sum[b] / count[b];
            var variance = Math.Max(0, (sumOfSquares[b] / count[b]) - (mean * mean));
            bins.Add(new ResidualBin(binEdges[b], binEdges[b + 1], count[b], mean, Math.Sqrt(variance)));
        }

        return bins;
    }
}
