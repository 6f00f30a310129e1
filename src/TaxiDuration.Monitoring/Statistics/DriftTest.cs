namespace TaxiDuration.Monitoring.Statistics;

/// <summary>The drift tests Evidently chooses between by default.</summary>
public enum DriftTest
{
    /// <summary>Two-sample Kolmogorov–Smirnov p-value; drift when p ≤ 0.05.</summary>
    KolmogorovSmirnov,

    /// <summary>Pearson chi-square p-value on category counts; drift when p &lt; 0.05.</summary>
    ChiSquare,

    /// <summary>Two-proportion z-test p-value; drift when p &lt; 0.05.</summary>
    ZTest,

    /// <summary>Wasserstein distance over the reference's standard deviation; drift when ≥ 0.1.</summary>
    Wasserstein,

    /// <summary>Jensen–Shannon distance (base 2) of category or Sturges-bin shares; drift when ≥ 0.1.</summary>
    JensenShannon,
}
