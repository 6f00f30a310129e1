namespace TaxiDuration.Monitoring.Statistics;

/// <summary>Bin edges chosen from the data, as numpy chooses them, so binned scores match Evidently's bins.</summary>
public static class HistogramBins
{
    /// <summary>
    /// <c>np.histogram_bin_edges(values, bins='sturges')</c>: ⌈range / (range / (log₂ n + 1))⌉ equal-width bins from
    /// the minimum to the maximum (numpy's linspace, last edge exactly the maximum). A constant sample gets one
    /// bin, value ± 0.5, as in numpy. NaN and ±∞ are dropped first (numpy would refuse them).
    /// </summary>
    /// <exception cref="ArgumentException">No finite value.</exception>
    public static double[] Sturges(ReadOnlySpan<double> values)
    {
        var finite = Samples.Finite(values, nameof(values));
        var min = finite.Min();
        var max = finite.Max();
        double first = min, last = max;
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }

        var width = (max - min) / (Math.Log2(finite.Length) + 1.0);
        var count = width != 0 ? (int)Math.Ceiling((last - first) / width) : 1;
        return Linspace(first, last, count + 1);
    }

    /// <summary>numpy's <c>linspace(start, stop, num)</c>: i·step + start, with the last point set to stop.</summary>
    internal static double[] Linspace(double start, double stop, int num)
    {
        var points = new double[num];
        var divisions = num - 1;
        var delta = stop - start;
        var step = delta / divisions;
        for (var i = 0; i < num; i++)
        {
            // numpy divides first when the step underflows to zero (gh-5437).
            points[i] = (step == 0 ? i / (double)divisions * delta : i * step) + start;
        }

        points[^1] = stop;
        return points;
    }
}
