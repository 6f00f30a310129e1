namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ, <c>scipy.stats.kstwo.sf(x, n)</c>,
/// which <c>ks_2samp</c> evaluates at n = round(n₁n₂/(n₁+n₂)) when it cannot (or may not) be exact. scipy follows
/// Simard and L'Ecuyer (2011) in choosing, by n and n·x², between closed forms, Durbin's matrix, Pomeranz's
/// recursion, the Pelz–Good expansion and twice the one-sided Smirnov tail; this class makes the same choices at the
/// same cut-offs (scipy/stats/_ksstats.py, <c>_kolmogn</c>), so p-values agree and not just approximately.
/// </summary>
internal static class KolmogorovDistribution
{
    private const double LogTwoPi = 1.8378770664093453;

    // Bernoulli-number coefficients of Stirling's series, highest power first (scipy's _STIRLING_COEFFS).
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>P(Dₙ ≥ x) with kstwo's support rules: 1 at or below 1/(2n), 0 at or above 1, NaN for n &lt; 1.</summary>
    public static double Survival(double x, int n)
    {
        if (n < 1 || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= 0.5 / n)
        {
            return 1.0;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        return Clip(Kolmogn(n, x));
    }

    private static double Kolmogn(int n, double x)
    {
        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: 1/2n < x ≤ 1/n has the closed form n!/nⁿ·(2t − 1)ⁿ for the CDF.
            if (t <= 0.5)
            {
                return 1.0;
            }

            double cdf;
            if (n <= 140)
            {
                cdf = 1.0;
                var scale = 1.0 / n;
                var factor = (2 * t) - 1;
                for (var i = 1; i <= n; i++)
                {
                    cdf *= i * scale * factor;
                }
            }
            else
            {
                cdf = Math.Exp(LogNFactorialOverNPowerN(n) + (n * Math.Log((2 * t) - 1)));
            }

            return 1.0 - cdf;
        }

        if (t >= n - 1)
        {
            return 2 * Math.Pow(1.0 - x, n);
        }

        if (x >= 0.5)
        {
            return 2 * SmirnovDistribution.Survival(n, x);
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return 1.0 - KolmogorovDurbinMatrix.Cdf(n, x);
            }

            if (nxSquared <= 4)
            {
                return 1.0 - KolmogorovPomeranz.Cdf(n, x);
            }

            return 2 * SmirnovDistribution.Survival(n, x);
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared >= 2.2)
        {
            return 2 * SmirnovDistribution.Survival(n, x);
        }

        var cdfProb = n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4
            ? KolmogorovDurbinMatrix.Cdf(n, x)
            : KolmogorovPelzGood.Cdf(n, x);
        return 1.0 - cdfProb;
    }

    /// <summary>log(n!/nⁿ) by Stirling's series with n·log(n) removed up front (no cancellation).</summary>
    private static double LogNFactorialOverNPowerN(int n)
    {
        var rn = 1.0 / n;
        var series = 0.0;
        var argument = rn / n;
        foreach (var coefficient in StirlingCoefficients)
        {
            series = (series * argument) + coefficient;
        }

        return (Math.Log(n) / 2) - n + (LogTwoPi / 2) + (rn * series);
    }

    internal static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
