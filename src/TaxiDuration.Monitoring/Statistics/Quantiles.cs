namespace TaxiDuration.Monitoring.Statistics;

/// <summary>Sample quantiles as numpy computes them by default, for reference-quantile bin edges.</summary>
public static class Quantiles
{
    /// <summary>
    /// <c>np.quantile(values, q)</c> with method='linear' (Hyndman and Fan's type 7): the value at virtual index
    /// (n − 1)·q, interpolated between its neighbours the way numpy's <c>_lerp</c> does (from the nearer end, so a
    /// quantile between equal values is exactly that value).
    /// </summary>
    /// <exception cref="ArgumentException">Empty, unsorted or non-finite values, or q outside [0, 1].</exception>
    public static double Linear(ReadOnlySpan<double> sortedValues, double q)
    {
        if (sortedValues.IsEmpty)
        {
            throw new ArgumentException("Need at least one value.", nameof(sortedValues));
        }

        for (var i = 0; i < sortedValues.Length; i++)
        {
            if (!double.IsFinite(sortedValues[i]) || (i > 0 && sortedValues[i] < sortedValues[i - 1]))
            {
                throw new ArgumentException("Values must be finite and sorted ascending.", nameof(sortedValues));
            }
        }

        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentException($"The quantile must lie in [0, 1]; got {q}.", nameof(q));
        }

        var n = sortedValues.Length;
        var virtualIndex = (n - 1) * q;
        if (virtualIndex >= n - 1)
        {
            return sortedValues[^1];
        }

        var previous = (int)Math.Floor(virtualIndex);
        var gamma = virtualIndex - previous;
        var a = sortedValues[previous];
        var b = sortedValues[previous + 1];
        var difference = b - a;
        return gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
    }
}
