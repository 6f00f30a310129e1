namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// A hypothesis test's statistic and p-value, as scipy returns them, so a report can show both the size of a
/// difference and how surprising it would be if nothing had changed.
/// </summary>
/// <param name="Statistic">The test statistic (K-S: largest gap between the two empirical CDFs; chi-square: Pearson's sum).</param>
/// <param name="PValue">Probability, under "same distribution", of a statistic at least this extreme; NaN where scipy gives NaN.</param>
public readonly record struct TestResult(double Statistic, double PValue);
