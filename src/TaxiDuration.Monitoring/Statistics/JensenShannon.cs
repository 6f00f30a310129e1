namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// The Jensen–Shannon distance between two distributions, and Evidently's drift test built on it (its default for
/// categorical columns with more than 1000 reference rows): bounded and symmetric, unlike a p-value it does not
/// call every small shift significant on large samples.
/// </summary>
public static class JensenShannon
{
    // Evidently's _jensenshannon passes base = 2 to scipy, which bounds the distance by 1.
    private const double EvidentlyBase = 2;

    // Evidently bins a numeric column on Sturges edges only when the reference has more distinct values than this.
    private const int EvidentlyMaxDistinctForCategories = 20;

    /// <summary>
    /// <c>scipy.spatial.distance.jensenshannon(p, q, base)</c>: both vectors are first scaled to sum 1, then
    /// √((KL(p‖m) + KL(q‖m)) / 2) with m = (p + q)/2, in natural log unless a base is given.
    /// </summary>
    /// <exception cref="ArgumentException">The vectors differ in length or are empty.</exception>
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double? logBase = null)
    {
        if (p.Length != q.Length || p.Length == 0)
        {
            throw new ArgumentException($"Need equal, non-zero lengths; got {p.Length} and {q.Length}.", nameof(q));
        }

        var pSum = Numerics.PairwiseSum(p);
        var qSum = Numerics.PairwiseSum(q);
        var left = new double[p.Length];
        var right = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / pSum;
            var qi = q[i] / qSum;
            var mi = (pi + qi) / 2.0;
            left[i] = RelativeEntropy(pi, mi);
            right[i] = RelativeEntropy(qi, mi);
        }

        var js = Numerics.PairwiseSum(left) + Numerics.PairwiseSum(right);
        if (logBase is { } b)
        {
            js /= Math.Log(b);
        }

        return Math.Sqrt(js / 2.0);
    }

    /// <summary>
    /// Evidently's <c>jensenshannon_stat_test</c> for a categorical column: the share of each category (count / n,
    /// over the union of categories, zeros kept) in each sample, then the distance in base 2. Missing values are
    /// dropped first. Evidently reports drift when the distance is ≥ 0.1.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty after dropping missing values.</exception>
    public static double EvidentlyCategorical<TKey>(ReadOnlySpan<TKey> reference, ReadOnlySpan<TKey> current)
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

        return Distance(referenceShares, currentShares, EvidentlyBase);
    }

    /// <summary>
    /// Evidently's <c>jensenshannon_stat_test</c> for a numeric column: with more than 20 distinct reference values,
    /// the shares of each sample in Sturges bins over both samples pooled; otherwise each value is a category.
    /// NaN and ±∞ are dropped first.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has no finite value.</exception>
    public static double EvidentlyNumerical(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var first = Samples.Finite(reference, nameof(reference));
        var second = Samples.Finite(current, nameof(current));
        if (first.Distinct().Count() <= EvidentlyMaxDistinctForCategories)
        {
            return EvidentlyCategorical<double>(first, second);
        }

        var edges = HistogramBins.Sturges([.. first, .. second]);
        return Distance(Histogram.Shares(first, edges), Histogram.Shares(second, edges), EvidentlyBase);
    }

    /// <summary>scipy.special.rel_entr: x·ln(x/y), 0 when x = 0, +∞ when only y is 0.</summary>
    private static double RelativeEntropy(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.NaN;
        }

        if (x > 0 && y > 0)
        {
            return x * Math.Log(x / y);
        }

        return x == 0 && y >= 0 ? 0 : double.PositiveInfinity;
    }
}
