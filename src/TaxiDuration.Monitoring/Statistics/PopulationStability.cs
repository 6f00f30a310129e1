namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// The population stability index (PSI), Σ (cur − ref)·ln(cur / ref) over bins, a drift score that credit-risk
/// teams read on a familiar scale (&lt; 0.1 stable, 0.1–0.25 moderate, &gt; 0.25 large).
/// </summary>
/// <remarks>
/// This is the template's own definition, not Evidently's PSI (which bins numeric columns on Sturges edges over
/// both samples and replaces a zero share by min(non-zero share)/10⁶ when that minimum is ≤ 10⁻⁴): numeric bins
/// are the reference's deciles, so each holds about a tenth of the reference and the score does not depend on
/// the current window's range; a zero share becomes 10⁻⁴ (Evidently's usual epsilon) in either sample, so a bin
/// empty on one side adds a large but finite term.
/// </remarks>
public static class PopulationStability
{
    /// <summary>The share given to an empty bin, so the logarithm stays finite.</summary>
    public const double EmptyShare = 0.0001;

    /// <summary>
    /// PSI on reference-quantile bins: inner edges at <c>np.quantile(reference, [1/b, …, (b−1)/b])</c> (linear),
    /// duplicate edges collapsed, the first and last bins open to −∞ and +∞; bin i holds edge[i−1] ≤ x &lt; edge[i].
    /// NaN and ±∞ are dropped first.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has no finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two bins.</exception>
    public static double Index(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var sortedReference = Samples.FiniteSorted(reference, nameof(reference));
        var sortedCurrent = Samples.FiniteSorted(current, nameof(current));
        var edges = ReferenceQuantileEdges(sortedReference, bins);
        return FromShares(BinShares(sortedReference, edges), BinShares(sortedCurrent, edges));
    }

    /// <summary>
    /// PSI over categories: the share of each category in each sample, over the union of categories. Missing values
    /// are dropped first.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty after dropping missing values.</exception>
    public static double Categorical<TKey>(ReadOnlySpan<TKey> reference, ReadOnlySpan<TKey> current)
        where TKey : notnull
    {
        var counts = CategoryCounts<TKey>.Of(reference, current);
        var referenceShares = new double[counts.Keys.Length];
        var currentShares = new double[counts.Keys.Length];
        for (var i = 0; i < referenceShares.Length; i++)
        {
            referenceShares[i] = (double)counts.Reference[i] / counts.ReferenceTotal;
            currentShares[i] = (double)counts.Current[i] / counts.CurrentTotal;
        }

        return FromShares(referenceShares, currentShares);
    }

    /// <summary>The distinct inner edges, ascending.</summary>
    internal static double[] ReferenceQuantileEdges(double[] sortedReference, int bins)
    {
        // np.unique: sorted, then equal neighbours collapsed.
        var quantiles = new double[bins - 1];
        for (var i = 1; i < bins; i++)
        {
            quantiles[i - 1] = Quantiles.Linear(sortedReference, i / (double)bins);
        }

        Array.Sort(quantiles);
        var edges = new List<double>(quantiles.Length);
        foreach (var edge in quantiles)
        {
            if (edges.Count == 0 || edge != edges[^1])
            {
                edges.Add(edge);
            }
        }

        return [.. edges];
    }

    private static double[] BinShares(double[] sorted, double[] innerEdges)
    {
        // Bin i runs from innerEdges[i−1] (inclusive) to innerEdges[i] (exclusive); the outer bins are unbounded.
        var shares = new double[innerEdges.Length + 1];
        var below = 0;
        for (var i = 0; i < innerEdges.Length; i++)
        {
            var atEdge = Histogram.LowerBound(sorted, innerEdges[i]);
            shares[i] = (double)(atEdge - below) / sorted.Length;
            below = atEdge;
        }

        shares[^1] = (double)(sorted.Length - below) / sorted.Length;
        return shares;
    }

    private static double FromShares(double[] referenceShares, double[] currentShares)
    {
        var terms = new double[referenceShares.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var r = referenceShares[i] == 0 ? EmptyShare : referenceShares[i];
            var c = currentShares[i] == 0 ? EmptyShare : currentShares[i];
            terms[i] = (c - r) * Math.Log(c / r);
        }

        return Numerics.PairwiseSum(terms);
    }
}
