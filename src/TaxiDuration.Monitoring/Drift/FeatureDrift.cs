using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Drift;

/// <summary>One feature's drift in a window: Evidently's default test, the PSI band, and for zones the unseen share.</summary>
/// <param name="Feature">The column, e.g. "trip_distance".</param>
/// <param name="Test">The default test's verdict and why it was chosen.</param>
/// <param name="Psi">Population stability index against the reference.</param>
/// <param name="UnseenShare">Share of the window's rows whose category the reference never had (categorical columns; else null).</param>
/// <param name="Drifted">The test drifted, or the unseen share crossed its alert: the column counts toward dataset drift.</param>
public sealed record FeatureDrift(string Feature, ColumnKind Kind, DriftDecision Test, double Psi, PsiLevel PsiLevel, double? UnseenShare, bool Drifted)
{
    /// <summary>The test's score as a multiple of its threshold, oriented so that ≥ 1 means drift (p-values are inverted).</summary>
    public double Severity => Test.ScoreIsPValue
        ? Test.Threshold / Math.Max(Test.Score, 1e-300)
        : Test.Score / Test.Threshold;
}
