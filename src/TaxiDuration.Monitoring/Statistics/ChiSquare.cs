namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Pearson's chi-square goodness-of-fit test, and Evidently's use of it for categorical drift (its default for
/// categorical columns with at most 1000 reference rows and more than two categories).
/// </summary>
public static class ChiSquare
{
    // scipy.stats.chisquare refuses observed and expected totals that differ by more than this (scipy ≥ 1.9).
    private const double SumTolerance = 1e-8;

    /// <summary>
    /// Evidently's <c>chisquare_stat_test</c>: over the union of categories, observed = current counts and
    /// expected = reference counts scaled by n_current / n_reference, then <see cref="Pearson"/>. A category absent
    /// from the reference but present now has expected 0, which makes the statistic +∞ and the p-value 0 — as in
    /// scipy, and rightly: the reference says that category cannot happen. Missing values are dropped first.
    /// Evidently reports drift when p &lt; 0.05.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty after dropping missing values.</exception>
    public static TestResult Evidently<TKey>(ReadOnlySpan<TKey> reference, ReadOnlySpan<TKey> current)
        where TKey : notnull
    {
        var counts = CategoryCounts<TKey>.Of(reference, current);
        var scale = (double)counts.CurrentTotal / counts.ReferenceTotal;
        var observed = new double[counts.Keys.Length];
        var expected = new double[counts.Keys.Length];
        for (var i = 0; i < observed.Length; i++)
        {
            observed[i] = counts.Current[i];
            expected[i] = counts.Reference[i] * scale;
        }

        return Pearson(observed, expected);
    }

    /// <summary>
    /// <c>scipy.stats.chisquare(observed, expected)</c>: Σ (o − e)²/e on k − 1 degrees of freedom. With a single
    /// category there are no degrees of freedom and the p-value is NaN, as in scipy.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, are zero, or the totals differ by more than 1e-8 relative.</exception>
    public static TestResult Pearson(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected)
    {
        if (observed.Length != expected.Length || observed.Length == 0)
        {
            throw new ArgumentException($"Need equal, non-zero lengths; got {observed.Length} observed and {expected.Length} expected.", nameof(expected));
        }

        var observedSum = Numerics.PairwiseSum(observed);
        var expectedSum = Numerics.PairwiseSum(expected);
        var relativeDifference = Math.Abs(observedSum - expectedSum) / Math.Min(observedSum, expectedSum);
        if (relativeDifference > SumTolerance)
        {
            throw new ArgumentException($"Observed and expected totals must agree to {SumTolerance} relative; they differ by {relativeDifference}.", nameof(expected));
        }

        var terms = new double[observed.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var difference = observed[i] - expected[i];
            terms[i] = difference * difference / expected[i];
        }

        var statistic = Numerics.PairwiseSum(terms);
        return new TestResult(statistic, ChiSquaredDistribution.Survival(statistic, terms.Length - 1));
    }
}
