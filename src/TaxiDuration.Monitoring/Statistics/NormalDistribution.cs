using MathNet.Numerics;

namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// The standard normal CDF as cephes' <c>ndtr</c> computes it (scipy's <c>norm.cdf</c>): erf near zero, erfc in the
/// tails, and 1 − tail above zero. Evidently's z-test then takes 2·(1 − cdf(|z|)), so matching where the
/// subtraction happens matters as much as the special function's accuracy.
/// </summary>
internal static class NormalDistribution
{
    private const double SqrtHalf = 0.70710678118654752440;

    /// <summary>Φ(a).</summary>
    public static double Cdf(double a)
    {
        if (double.IsNaN(a))
        {
            return double.NaN;
        }

        var x = a * SqrtHalf;
        var z = Math.Abs(x);
        if (z < SqrtHalf)
        {
            return 0.5 + (0.5 * SpecialFunctions.Erf(x));
        }

        var y = 0.5 * SpecialFunctions.Erfc(z);
        return x > 0 ? 1.0 - y : y;
    }
}
