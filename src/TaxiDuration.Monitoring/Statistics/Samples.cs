namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Input cleaning shared by every test: Evidently replaces ±∞ by NaN and drops NaN before testing a column, and
/// refuses a column left empty, so the ports do the same rather than let one missing value poison a statistic.
/// </summary>
internal static class Samples
{
    /// <summary>The finite values, in their original order; throws when none is left.</summary>
    public static double[] Finite(ReadOnlySpan<double> values, string argumentName)
    {
        var kept = new double[values.Length];
        var count = 0;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                kept[count++] = value;
            }
        }

        if (count == 0)
        {
            throw new ArgumentException("The sample has no finite value (NaN and ±∞ are dropped before testing).", argumentName);
        }

        return count == kept.Length ? kept : kept[..count];
    }

    /// <summary>The finite values, sorted ascending; throws when none is left.</summary>
    public static double[] FiniteSorted(ReadOnlySpan<double> values, string argumentName)
    {
        var kept = Finite(values, argumentName);
        Array.Sort(kept);
        return kept;
    }

    /// <summary>
    /// Category values that count: nulls, and NaN or ±∞ when the keys are floating point, are dropped like pandas'
    /// <c>dropna</c>; throws when none is left.
    /// </summary>
    public static TKey[] Present<TKey>(ReadOnlySpan<TKey> values, string argumentName)
        where TKey : notnull
    {
        var kept = new List<TKey>(values.Length);
        foreach (var value in values)
        {
            if (IsPresent(value))
            {
                kept.Add(value);
            }
        }

        if (kept.Count == 0)
        {
            throw new ArgumentException("The sample has no value left after dropping missing ones.", argumentName);
        }

        return [.. kept];
    }

    private static bool IsPresent<TKey>(TKey value) => value switch
    {
        null => false,
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        _ => true,
    };
}
