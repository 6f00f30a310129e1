namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Counts of each category in two samples over the union of their keys (a key absent from one sample counts 0
/// there), the table every categorical drift test in Evidently starts from. Keys are sorted when they can be, so
/// results do not depend on input order beyond the last bit of a floating-point sum.
/// </summary>
internal sealed class CategoryCounts<TKey>
    where TKey : notnull
{
    private CategoryCounts(TKey[] keys, int[] reference, int[] current, int referenceTotal, int currentTotal)
    {
        Keys = keys;
        Reference = reference;
        Current = current;
        ReferenceTotal = referenceTotal;
        CurrentTotal = currentTotal;
    }

    public TKey[] Keys { get; }

    public int[] Reference { get; }

    public int[] Current { get; }

    public int ReferenceTotal { get; }

    public int CurrentTotal { get; }

    /// <summary>Drops missing values from both samples (throwing when one is left empty) and counts the rest.</summary>
    public static CategoryCounts<TKey> Of(ReadOnlySpan<TKey> reference, ReadOnlySpan<TKey> current)
    {
        var referenceValues = Samples.Present(reference, nameof(reference));
        var currentValues = Samples.Present(current, nameof(current));
        var referenceCounts = Count(referenceValues);
        var currentCounts = Count(currentValues);
        var keys = referenceCounts.Keys.Union(currentCounts.Keys).ToArray();
        SortIfComparable(keys);
        return new CategoryCounts<TKey>(
            keys,
            [.. keys.Select(key => referenceCounts.GetValueOrDefault(key))],
            [.. keys.Select(key => currentCounts.GetValueOrDefault(key))],
            referenceValues.Length,
            currentValues.Length);
    }

    /// <summary>Number of distinct keys over both samples, pandas' <c>nunique</c> of the concatenation.</summary>
    public static int DistinctCount(ReadOnlySpan<TKey> reference, ReadOnlySpan<TKey> current) =>
        Of(reference, current).Keys.Length;

    private static Dictionary<TKey, int> Count(TKey[] values)
    {
        var counts = new Dictionary<TKey, int>();
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return counts;
    }

    private static void SortIfComparable(TKey[] keys)
    {
        if (keys is string[] strings)
        {
            // Python orders strings by code point; ordinal is the closest .NET order.
            Array.Sort(strings, StringComparer.Ordinal);
        }
        else if (typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey)) || typeof(IComparable).IsAssignableFrom(typeof(TKey)))
        {
            Array.Sort(keys, Comparer<TKey>.Default);
        }
    }
}
