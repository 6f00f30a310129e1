namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Integer powers of double-doubles as scipy's <c>kolmogorov.c</c> takes them for the Smirnov sum: terms like
/// (1 − x − v/n)^(n−v) underflow a double long before the sum stops mattering, so powers come back as a mantissa and
/// a separate power of two, and the low word enters only as a first-order correction (scipy's accuracy/time trade).
/// </summary>
internal static class DoubleDoublePowers
{
    // Exponent at which a power is split, below 1023 − 52 so both words of the double-double stay normal.
    private const int MaxExponent = 960;
    private const double Ln2 = 0.6931471805599453;

    /// <summary>a^m from pow(hi, m) and a first-order correction for the low word, as scipy trades accuracy for time.</summary>
    public static DoubleDouble Pow(DoubleDouble a, int m)
    {
        if (m <= 0)
        {
            return m == 0 ? new DoubleDouble(1.0) : 1.0 / Pow(a, -m);
        }

        if (a.IsZero)
        {
            return new DoubleDouble(0.0);
        }

        var ans = Math.Pow(a.Hi, m);
        var r = a.Lo / a.Hi;
        var adjustment = m * r;
        if (Math.Abs(adjustment) > 1e-8)
        {
            adjustment = Math.Abs(adjustment) < 1e-4
                ? adjustment + ((m * r) * ((m - 1) / 2.0 * r))
                : Numerics.ExpM1(m * Numerics.Log1P(r));
        }

        return new DoubleDouble(ans) + (ans * adjustment);
    }

    /// <summary>((a + b) / (c + d))^m in double-double.</summary>
    public static DoubleDouble PowRatio(double a, double b, double c, double d, int m)
    {
        if (m <= 0)
        {
            return m == 0 ? new DoubleDouble(1.0) : PowRatio(c, d, a, b, -m);
        }

        var numerator = new DoubleDouble(a) + b;
        var denominator = new DoubleDouble(c) + d;
        if (numerator.IsZero)
        {
            return denominator.IsZero ? new DoubleDouble(double.NaN, double.NaN) : new DoubleDouble(0.0);
        }

        if (denominator.IsZero)
        {
            var infinity = numerator.Hi < 0 ? double.NegativeInfinity : double.PositiveInfinity;
            return new DoubleDouble(infinity, infinity);
        }

        return Pow(numerator / denominator, m);
    }

    /// <summary>a^m as a mantissa and a power of two, splitting the exponent so no intermediate underflows.</summary>
    public static DoubleDouble PowScaled(DoubleDouble a, int m, out int exponent)
    {
        if (m <= 0)
        {
            if (m == 0)
            {
                exponent = 0;
                return new DoubleDouble(1.0);
            }

            var inverse = PowScaled(a, -m, out var e1);
            var result = DoubleDouble.FrExp(1.0 / inverse, out var e2);
            exponent = -e1 + e2;
            return result;
        }

        var y = DoubleDouble.FrExp(a, out var yExponent);
        if (m == 1)
        {
            exponent = yExponent;
            return y;
        }

        var maxExponent = MaxExponent;
        if (m * (y.Hi - 1) / y.Hi < -MaxExponent * Ln2)
        {
            var log2Y = Math.Log(y.Hi) / Ln2;
            if (m * log2Y <= -MaxExponent)
            {
                maxExponent = (int)(NextPowerOf2((-MaxExponent / log2Y) + 1) / 2);
            }
        }

        if (m <= maxExponent)
        {
            var power = DoubleDouble.FrExp(Pow(y, m), out var powerExponent);
            exponent = powerExponent + (m * yExponent);
            return power;
        }

        var q = m / maxExponent;
        var r = m % maxExponent;
        var y2r = PowScaled(y, r, out var y2rExponent);
        var y2m = PowScaled(y, maxExponent, out var y2mExponent);
        var y2mq = PowScaled(y2m, q, out var y2mqExponent);
        var answer = DoubleDouble.FrExp(y2r * y2mq, out var answerExponent);
        y2mqExponent += y2mExponent * q;
        exponent = answerExponent + y2mqExponent + y2rExponent + (m * yExponent);
        return answer;
    }

    // scipy's helper of that name (it rounds to a near power of two only in effect); kept verbatim in behaviour.
    private static double NextPowerOf2(double x)
    {
        var q = Math.ScaleB(x, 1 - 53);
        var l = Math.Abs(q + x);
        if (l == 0)
        {
            return Math.Abs(x);
        }

        var truncated = (int)l;
        return truncated == l ? truncated : l;
    }
}
