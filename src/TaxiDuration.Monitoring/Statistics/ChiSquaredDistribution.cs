using MathNet.Numerics;

namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Upper tail of the chi-squared distribution, <c>scipy.stats.chi2.sf(x, df)</c>, including scipy's support rules
/// (1 at or below 0, 0 at +∞, NaN for df ≤ 0) that the edge cases of Evidently's chi-square test run into.
/// </summary>
internal static class ChiSquaredDistribution
{
    /// <summary>P(X ≥ x) for X ~ χ²(df): the regularized upper incomplete gamma Q(df/2, x/2).</summary>
    public static double Survival(double x, double degreesOfFreedom)
    {
        if (double.IsNaN(x) || double.IsNaN(degreesOfFreedom) || degreesOfFreedom <= 0)
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        return SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }
}
