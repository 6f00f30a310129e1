namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// An unevaluated sum of two doubles (about 106 significant bits), the arithmetic scipy's one-sided Smirnov
/// distribution uses (the QD library's double-double, as vendored by scipy). Only the operations that distribution
/// needs are here; each follows QD's formula so the rounding matches scipy's, not merely its precision.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public DoubleDouble(double value)
        : this(value, 0.0)
    {
    }

    public bool IsFinite => double.IsFinite(Hi);

    public bool IsZero => Hi == 0.0 && Lo == 0.0;

    public static DoubleDouble operator -(DoubleDouble value) => new(-value.Hi, -value.Lo);

    public static DoubleDouble operator +(DoubleDouble left, DoubleDouble right)
    {
        // QD's "IEEE" addition (Briggs and Kahan): slower than the sloppy one but keeps the error bound when signs differ.
        var s1 = TwoSum(left.Hi, right.Hi, out var s2);
        var t1 = TwoSum(left.Lo, right.Lo, out var t2);
        s2 += t1;
        s1 = QuickTwoSum(s1, s2, out s2);
        s2 += t2;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble operator +(DoubleDouble left, double right)
    {
        var s1 = TwoSum(left.Hi, right, out var s2);
        s2 += left.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble operator -(DoubleDouble left, DoubleDouble right) => left + (-right);

    public static DoubleDouble operator -(DoubleDouble left, double right)
    {
        var s1 = TwoSum(left.Hi, -right, out var s2);
        s2 += left.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble operator -(double left, DoubleDouble right)
    {
        var s1 = TwoSum(left, -right.Hi, out var s2);
        s2 -= right.Lo;
        s1 = QuickTwoSum(s1, s2, out s2);
        return new DoubleDouble(s1, s2);
    }

    public static DoubleDouble operator *(DoubleDouble left, DoubleDouble right)
    {
        var p1 = TwoProduct(left.Hi, right.Hi, out var p2);
        p2 += (left.Hi * right.Lo) + (left.Lo * right.Hi);
        p1 = QuickTwoSum(p1, p2, out p2);
        return new DoubleDouble(p1, p2);
    }

    public static DoubleDouble operator *(DoubleDouble left, double right)
    {
        var p1 = TwoProduct(left.Hi, right, out var e1);
        var p2 = TwoProduct(left.Lo, right, out var e2);
        p1 = QuickTwoSum(p1, e2 + p2 + e1, out e1);
        return new DoubleDouble(p1, e1);
    }

    public static DoubleDouble operator *(double left, DoubleDouble right) => right * left;

    public static DoubleDouble operator /(DoubleDouble left, DoubleDouble right)
    {
        // Long division in three steps: each quotient digit removes about 53 bits of the remainder.
        var q1 = left.Hi / right.Hi;
        var r = left - (right * q1);
        var q2 = r.Hi / right.Hi;
        r -= right * q2;
        var q3 = r.Hi / right.Hi;
        q1 = QuickTwoSum(q1, q2, out q2);
        return new DoubleDouble(q1, q2) + q3;
    }

    public static DoubleDouble operator /(DoubleDouble left, double right) => left / new DoubleDouble(right);

    public static DoubleDouble operator /(double left, DoubleDouble right) => new DoubleDouble(left) / right;

    /// <summary>Rounds towards −∞, looking at the low word only when the high word is already an integer.</summary>
    public static DoubleDouble Floor(DoubleDouble value)
    {
        var hi = Math.Floor(value.Hi);
        var lo = 0.0;
        if (hi == value.Hi)
        {
            lo = Math.Floor(value.Lo);
            hi = QuickTwoSum(hi, lo, out lo);
        }

        return new DoubleDouble(hi, lo);
    }

    /// <summary>Multiplies by 2^exponent, exactly unless a word under- or overflows.</summary>
    public static DoubleDouble ScaleB(DoubleDouble value, int exponent) =>
        new(Math.ScaleB(value.Hi, exponent), Math.ScaleB(value.Lo, exponent));

    /// <summary>
    /// C's frexp for double-doubles: a significand with 0.5 ≤ |hi| &lt; 1 (or |hi| = 1 when the low word pulls it
    /// below) and the power of two it was scaled by.
    /// </summary>
    public static DoubleDouble FrExp(DoubleDouble value, out int exponent)
    {
        var man = Numerics.FrExp(value.Hi, out exponent);
        var b1 = Math.ScaleB(value.Lo, -exponent);
        if (Math.Abs(man) == 0.5 && man * b1 < 0)
        {
            man *= 2;
            b1 *= 2;
            exponent -= 1;
        }

        return new DoubleDouble(man, b1);
    }

    private static double QuickTwoSum(double a, double b, out double error)
    {
        var s = a + b;
        error = b - (s - a);
        return s;
    }

    private static double TwoSum(double a, double b, out double error)
    {
        var s = a + b;
        var c = s - a;
        var d = b - c;
        var e = s - c;
        error = (a - e) + d;
        return s;
    }

    private static double TwoProduct(double a, double b, out double error)
    {
        var p = a * b;
        error = Math.FusedMultiplyAdd(a, b, -p);
        return p;
    }
}
