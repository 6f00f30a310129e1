namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Evidently's two-proportion z-test (<c>z_stat_test</c>), its default for columns with at most two distinct values
/// and at most 1000 reference rows: it compares the share of values that are not the first category (in sorted
/// order) between the samples, with the pooled share for the standard error.
/// </summary>
public static class ZTest
{
    /// <summary>
    /// The z statistic and two-sided p-value 2·(1 − Φ(|z|)). When both samples hold one and the same value Evidently
    /// skips the test and reports p = 1; the statistic is then 0. Missing values are dropped first. Evidently
    /// reports drift when p &lt; 0.05.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty after dropping missing values.</exception>
    public static TestResult Evidently<TKey>(ReadOnlySpan<TKey> reference, ReadOnlySpan<TKey> current)
        where TKey : notnull
    {
        var counts = CategoryCounts<TKey>.Of(reference, current);
        if (counts.Keys.Length == 1)
        {
            return new TestResult(0.0, 1.0);
        }

        double n1 = counts.ReferenceTotal, n2 = counts.CurrentTotal;
        // Keys are sorted, so index 0 is Evidently's ordered_keys[0]; only the sign of z depends on that choice.
        var p1 = (counts.ReferenceTotal - counts.Reference[0]) / n1;
        var p2 = (counts.CurrentTotal - counts.Current[0]) / n2;
        var pooled = ((p1 * n1) + (p2 * n2)) / (n1 + n2);
        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        return new TestResult(z, 2 * (1 - NormalDistribution.Cdf(Math.Abs(z))));
    }
}
