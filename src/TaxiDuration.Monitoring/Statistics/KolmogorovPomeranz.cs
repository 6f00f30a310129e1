namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// P(Dₙ ≤ x) by Pomeranz's (1974) recursion: 2n+1 convolutions of a short row with truncated Poisson weights, of
/// which only a sliding window is non-zero. scipy uses it for n ≤ 140 and 0.754693 &lt; n·x² ≤ 4.
/// </summary>
internal static class KolmogorovPomeranz
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    /// <summary>The CDF, clipped to [0, 1].</summary>
    public static double Cdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = 1.0 * (t - ll);
        var g = Math.Min(f, 1.0 - f);
        var ceilF = f > 0 ? 1 : 0;
        var roundF = f > 0.5 ? 1 : 0;
        var powers = 2 * (ll + 1);

        // Poisson weights without their normalising factor: (g/n)^m/m!, (2g/n)^m/m!, ((1−2g)/n)^m/m!.
        var gPower = new double[powers];
        var twoGPower = new double[powers];
        var oneMinusTwoGPower = new double[powers];
        gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (var m = 1; m < powers; m++)
        {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[powers];
        var v1 = new double[powers];
        v1[0] = 1;
        int v0Start = 0, v1Start = 0, exponent = 0;
        var (j1, _) = Window(0, n, ll, ceilF, roundF);
        for (var i = 1; i < (2 * n) + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0Start, v1Start) = (v1Start, v0Start);
            Array.Clear(v1);
            (j1, var j2) = Window(i, n, ll, ceilF, roundF);
            var weights = i == 1 || i == (2 * n) + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower);
            var length = j2 - k1 + 1;
            if (length > 0)
            {
                var offset = k1 - v0Start;
                var convolutionStart = j1 - k1;
                var count = j2 - j1 + 1;
                var maximum = 0.0;
                for (var c = 0; c < count; c++)
                {
                    var value = Convolve(v0, offset, weights, length, convolutionStart + c);
                    v1[c] = value;
                    maximum = Math.Max(maximum, value);
                }

                if (maximum > 0 && maximum < Small)
                {
                    for (var c = 0; c < v1.Length; c++)
                    {
                        v1[c] *= Big;
                    }

                    exponent -= ScaleExponent;
                }

                v1Start = v0Start + j1 - k1;
            }
        }

        var answer = v1[n - v1Start];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Big)
            {
                answer *= Small;
                exponent += ScaleExponent;
            }

            answer *= m;
        }

        if (exponent != 0)
        {
            answer = Math.ScaleB(answer, exponent);
        }

        return KolmogorovDistribution.Clip(answer);
    }

    /// <summary>Entry k of the full convolution of row[offset..offset+length) with weights[0..length).</summary>
    private static double Convolve(double[] row, int offset, double[] weights, int length, int k)
    {
        var available = Math.Min(length, row.Length - offset);
        var sum = 0.0;
        var first = Math.Max(0, k - length + 1);
        var last = Math.Min(k, available - 1);
        for (var i = first; i <= last; i++)
        {
            sum += row[offset + i] * weights[k - i];
        }

        return sum;
    }

    /// <summary>First and last non-zero index of row i (scipy's _pomeranz_compute_j1j2).</summary>
    private static (int First, int Last) Window(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            var half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                if (half == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = half - 1 - ll - roundF - 1;
                    j2 = half + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundF - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
