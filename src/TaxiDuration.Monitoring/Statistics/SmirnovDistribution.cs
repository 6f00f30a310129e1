namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Survival function of the one-sided Kolmogorov–Smirnov statistic D⁺ₙ, <c>scipy.special.smirnov(n, x)</c>: the
/// Birnbaum–Tingey (Smirnov 1944) sum evaluated the way scipy's cephes <c>kolmogorov.c</c> does it (van Mulbregt,
/// arXiv:1802.06966), in double-double with scaled binomials, because the two-sided asymptotic p-value of
/// <c>ks_2samp</c> is 2·smirnov in exactly the region where drift is decided (p ≲ 0.03).
/// </summary>
internal static class SmirnovDistribution
{
    // Past this n scipy approximates instead of summing; kept so very large windows cost what they cost in scipy.
    private const int MaxComputeN = 1000000;
    private const int UpperSumMaxTerms = 3;
    private const int UpperSumMinN = 10;

    // cephes' MINLOG, log(2^-1075): exp of anything below is zero.
    private const double MinLog = -7.451332191019412076235E2;

    // C's DBL_EPSILON (.NET's double.Epsilon is the smallest subnormal, not this) and M_LN2.
    private const double Epsilon = 2.220446049250313e-16;
    private const double Ln2 = 0.6931471805599453;

    /// <summary>P(D⁺ₙ ≥ x); NaN outside n ≥ 1, 0 ≤ x ≤ 1.</summary>
    public static double Survival(int n, double x)
    {
        if (!(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        var alpha = ModNX(n, x, out var nxFloor);
        var n1mxFloor = n - nxFloor - (alpha == 0 ? 0 : 1);
        var n1mxCeil = n - nxFloor;
        if (alpha == 0)
        {
            // x·n is an integer: the last term of either sum is zero and is left out.
            n1mxFloor -= 1;
            n1mxCeil += 1;
        }

        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            // x ≤ 1/n: closed form x·(1 + x)^(n−1) for the CDF.
            var t = DoubleDoublePowers.Pow(new DoubleDouble(1) + x, n - 1).Hi;
            return 1 - (x * t);
        }

        if (-2 * n * x * x < MinLog)
        {
            return 0;
        }

        if (nxFloor >= n - 1)
        {
            return DoubleDoublePowers.Pow(new DoubleDouble(1) + (-x), n).Hi;
        }

        if (n > MaxComputeN)
        {
            return LargeNApproximation(n, x);
        }

        var nUpperTerms = n - n1mxCeil + 1;
        var useUpperSum = (nUpperTerms <= 1 && x < 0.5)
            || (n >= UpperSumMinN && nUpperTerms <= UpperSumMaxTerms && x <= 0.5 / Math.Sqrt(n));
        var prob = useUpperSum
            ? Sum(n, x, start: n, step: -1, terms: n - n1mxCeil + 1)
            : Sum(n, x, start: 0, step: 1, terms: n1mxFloor + 1);
        var sf = useUpperSum ? 1 - prob : prob;
        return Math.Clamp(sf, 0.0, 1.0);
    }

    private static double LargeNApproximation(int n, double x)
    {
        // p ≈ exp(−(6nx + 1)² / 18n), scipy's shortcut for n > 10⁶.
        var logp = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
        if (logp < -Ln2)
        {
            return Math.Exp(logp);
        }

        return 1 - (-Numerics.ExpM1(logp));
    }

    /// <summary>x·Σ A_v over the chosen terms, stopping once the rest cannot move the sum.</summary>
    private static double Sum(int n, double x, int start, int step, int terms)
    {
        var binomialMantissa = new DoubleDouble(1.0);
        var binomialExponent = 0;
        var halfN = n / 2;
        DoubleDouble term;
        if (step < 0)
        {
            term = DoubleDoublePowers.PowRatio(1, x, 1, 0, n - 1);
        }
        else
        {
            term = DoubleDoublePowers.PowRatio(1, -x, 1, 0, n) / x;
        }

        var sum = new DoubleDouble(0.0) + term;
        UpdateBinomial(ref binomialMantissa, ref binomialExponent, n, 0);
        for (var j = 1; j < terms; j++)
        {
            var v = start + (j * step);
            term = Term(n, x, v, binomialMantissa, binomialExponent);
            if (term.IsFinite && !term.IsZero)
            {
                sum += term;
            }

            if (!term.IsZero)
            {
                if (4.0 * (terms - j) * Math.Abs(term.Hi) < Epsilon * sum.Hi && j != terms - 1)
                {
                    break;
                }
            }
            else if (j > halfN)
            {
                break;
            }

            UpdateBinomial(ref binomialMantissa, ref binomialExponent, n, j);
        }

        return (x * sum).Hi;
    }

    /// <summary>A_v = C(n, v)·(1 − x − v/n)^(n−v)·(x + v/n)^(v−1), with the binomial carried as mantissa and exponent.</summary>
    private static DoubleDouble Term(int n, double x, int v, DoubleDouble binomialMantissa, int binomialExponent)
    {
        var t2x = (new DoubleDouble(n - v) / n) - x;
        var t2 = DoubleDoublePowers.PowScaled(t2x, n - v, out var t2Exponent);
        var t1x = (new DoubleDouble(v) / n) + x;
        var t1 = DoubleDoublePowers.PowScaled(t1x, v - 1, out var t1Exponent);
        var product = t1 * t2 * binomialMantissa;
        return DoubleDouble.ScaleB(product, binomialExponent + t1Exponent + t2Exponent);
    }

    /// <summary>floor(n·x) and its fractional part, exactly (n·x in double-double).</summary>
    private static double ModNX(int n, double x, out int nxFloor)
    {
        var nx = (double)n * new DoubleDouble(x);
        var floor = DoubleDouble.Floor(nx);
        var alpha = (nx - floor).Hi;
        nxFloor = (int)floor.Hi;
        if (alpha == 1)
        {
            nxFloor += 1;
            alpha = 0;
        }

        return alpha;
    }

    /// <summary>C(n, j+1) from C(n, j), renormalised so the mantissa stays in [0.5, 1).</summary>
    private static void UpdateBinomial(ref DoubleDouble mantissa, ref int exponent, int n, int j)
    {
        var ratio = new DoubleDouble(n - j) / (j + 1.0);
        mantissa = DoubleDouble.FrExp(mantissa * ratio, out var e);
        exponent += e;
    }
}
