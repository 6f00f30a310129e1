namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Evidently's default choice of drift test for a column, and the verdict of running it. Ported from
/// <c>_get_default_stattest</c> in evidently/calculations/stattests/registry.py (Evidently 0.4 line): with at most
/// 1000 reference rows a numeric column with more than 5 distinct values gets the K-S test, anything else the
/// chi-square test (more than 2 distinct values) or the z-test (at most 2); with more reference rows a numeric column
/// with more than 5 distinct values gets the normalised Wasserstein distance, anything else Jensen–Shannon.
/// Distinct values are counted over both samples together, after dropping missing values.
/// </summary>
public static class DriftTestSelector
{
    /// <summary>Reference size up to which Evidently prefers hypothesis tests over distances.</summary>
    public const int SmallReferenceRows = 1000;

    /// <summary>Numeric columns with at most this many distinct values are tested as categories.</summary>
    public const int MaxDistinctForCategoricalNumbers = 5;

    /// <summary>Columns with at most this many distinct values get the z-test instead of chi-square.</summary>
    public const int MaxDistinctForZTest = 2;

    // Thresholds and comparisons as each Evidently stattest module defines them: ks_stattest.py (p <= 0.05),
    // chisquare_stattest.py and z_stattest.py (p < 0.05), wasserstein_distance_norm.py and jensenshannon.py (>= 0.1).
    private const double PValueThreshold = 0.05;
    private const double DistanceThreshold = 0.1;

    /// <summary>The test Evidently would run for a column of this kind, reference size and distinct-value count.</summary>
    public static DriftTest Choose(ColumnKind kind, int referenceRows, int distinctValues)
    {
        var manyValues = kind == ColumnKind.Numerical && distinctValues > MaxDistinctForCategoricalNumbers;
        if (referenceRows <= SmallReferenceRows)
        {
            if (manyValues)
            {
                return DriftTest.KolmogorovSmirnov;
            }

            return distinctValues > MaxDistinctForZTest ? DriftTest.ChiSquare : DriftTest.ZTest;
        }

        return manyValues ? DriftTest.Wasserstein : DriftTest.JensenShannon;
    }

    /// <summary>Chooses and runs Evidently's default test for a numeric column. NaN and ±∞ are dropped first.</summary>
    /// <exception cref="ArgumentException">A sample has no finite value.</exception>
    public static DriftDecision Numerical(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var first = Samples.Finite(reference, nameof(reference));
        var second = Samples.Finite(current, nameof(current));
        var distinct = CategoryCounts<double>.DistinctCount(first, second);
        var test = Choose(ColumnKind.Numerical, first.Length, distinct);
        var score = test switch
        {
            DriftTest.KolmogorovSmirnov => KolmogorovSmirnov.TwoSample(first, second).PValue,
            DriftTest.ChiSquare => ChiSquare.Evidently<double>(first, second).PValue,
            DriftTest.ZTest => ZTest.Evidently<double>(first, second).PValue,
            DriftTest.Wasserstein => Wasserstein.NormalizedDistance(first, second),
            _ => JensenShannon.EvidentlyNumerical(first, second),
        };
        return Decide(test, score, first.Length, distinct);
    }

    /// <summary>Chooses and runs Evidently's default test for a categorical column. Missing values are dropped first.</summary>
    /// <exception cref="ArgumentException">A sample is empty after dropping missing values.</exception>
    public static DriftDecision Categorical<TKey>(ReadOnlySpan<TKey> reference, ReadOnlySpan<TKey> current)
        where TKey : notnull
    {
        var counts = CategoryCounts<TKey>.Of(reference, current);
        var test = Choose(ColumnKind.Categorical, counts.ReferenceTotal, counts.Keys.Length);
        var score = test switch
        {
            DriftTest.ChiSquare => ChiSquare.Evidently(reference, current).PValue,
            DriftTest.ZTest => ZTest.Evidently(reference, current).PValue,
            _ => JensenShannon.EvidentlyCategorical(reference, current),
        };
        return Decide(test, score, counts.ReferenceTotal, counts.Keys.Length);
    }

    private static DriftDecision Decide(DriftTest test, double score, int referenceRows, int distinctValues)
    {
        // NaN never drifts, as every comparison with NaN is false in Evidently too.
        var (name, threshold, drifted) = test switch
        {
            DriftTest.KolmogorovSmirnov => ("K-S p_value", PValueThreshold, score <= PValueThreshold),
            DriftTest.ChiSquare => ("chi-square p_value", PValueThreshold, score < PValueThreshold),
            DriftTest.ZTest => ("Z-test p_value", PValueThreshold, score < PValueThreshold),
            DriftTest.Wasserstein => ("Wasserstein distance (normed)", DistanceThreshold, score >= DistanceThreshold),
            _ => ("Jensen-Shannon distance", DistanceThreshold, score >= DistanceThreshold),
        };
        return new DriftDecision(test, name, score, threshold, drifted, referenceRows, distinctValues);
    }
}
