namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// Floating-point building blocks whose rounding must match numpy's and C's, because the ported algorithms compare,
/// round and clip intermediate results (a sum that lands one ulp away can flip a fallback rule).
/// </summary>
internal static class Numerics
{
    private const int PairwiseBlock = 128;
    private const int Unroll = 8;

    /// <summary>
    /// numpy's <c>np.sum</c> of a float64 array: pairwise summation in blocks of 128 with eight partial sums, so
    /// sums agree with numpy to the last bit rather than merely to rounding error.
    /// </summary>
    public static double PairwiseSum(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < Unroll)
        {
            var res = 0.0;
            for (var i = 0; i < n; i++)
            {
                res += values[i];
            }

            return res;
        }

        if (n <= PairwiseBlock)
        {
            Span<double> r = stackalloc double[Unroll];
            values[..Unroll].CopyTo(r);
            var i = Unroll;
            for (; i < n - (n % Unroll); i += Unroll)
            {
                for (var j = 0; j < Unroll; j++)
                {
                    r[j] += values[i + j];
                }
            }

            var sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                sum += values[i];
            }

            return sum;
        }

        var half = n / 2;
        half -= half % Unroll;
        return PairwiseSum(values[..half]) + PairwiseSum(values[half..]);
    }

    /// <summary>C's frexp: a significand in [0.5, 1) and the power of two; zero, infinities and NaN pass through.</summary>
    public static double FrExp(double value, out int exponent)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            exponent = 0;
            return value;
        }

        exponent = Math.ILogB(value) + 1;
        return Math.ScaleB(value, -exponent);
    }

    /// <summary>
    /// log(1 + x) without the cancellation of <c>Math.Log(1 + x)</c> (.NET's <c>double.LogP1</c> computes exactly
    /// that); Goldberg's correction is within a few ulps of C's log1p.
    /// </summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) − 1 with Kahan's correction, for the same reason as <see cref="Log1P"/>.</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        if (um1 == -1.0 || double.IsPositiveInfinity(u))
        {
            return um1;
        }

        return um1 * x / Math.Log(u);
    }
}
