namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// P(Dₙ ≤ d) by Durbin's (1968) matrix formula as Marsaglia, Tsang and Wang (2003) evaluate it: one diagonal entry
/// of n!/nⁿ·Hⁿ for a (2k−1)-square matrix H, by repeated squaring with explicit power-of-two rescaling. scipy uses it
/// where the matrix stays small (n·d^1.5 ≤ 1.4), so the cost is O(k³ log n).
/// </summary>
internal static class KolmogorovDurbinMatrix
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    /// <summary>The CDF, clipped to [0, 1].</summary>
    public static double Cdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var matrix = Build(h, m);

        var power = Identity(m);
        var remaining = n;
        var exponent = 0;
        var matrixExponent = 0;
        while (remaining > 0)
        {
            if (remaining % 2 == 1)
            {
                power = Multiply(power, matrix, m);
                exponent += matrixExponent;
            }

            matrix = Multiply(matrix, matrix, m);
            matrixExponent *= 2;
            if (Math.Abs(matrix[((k - 1) * m) + k - 1]) > Big)
            {
                for (var i = 0; i < matrix.Length; i++)
                {
                    matrix[i] /= Big;
                }

                matrixExponent += ScaleExponent;
            }

            remaining /= 2;
        }

        var p = power[((k - 1) * m) + k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= ScaleExponent;
            }
        }

        if (exponent != 0)
        {
            p = Math.ScaleB(p, exponent);
        }

        return KolmogorovDistribution.Clip(p);
    }

    private static double[] Build(double h, int m)
    {
        // v: first column (and, reversed, last row): (1 − h^j)/j!, with the corner term corrected; w[j] = 1/j!.
        var v = new double[m];
        var w = new double[m];
        var factorial = 1.0;
        for (var j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] *= factorial;
        }

        var corner = (2 * h) - 1.0 > 0 ? Math.Pow((2 * h) - 1.0, m) : 0.0;
        var tt = corner - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + tt) * factorial;

        var matrix = new double[m * m];
        for (var column = 1; column < m; column++)
        {
            for (var row = column - 1; row < m; row++)
            {
                matrix[(row * m) + column] = w[row - (column - 1)];
            }
        }

        for (var row = 0; row < m; row++)
        {
            matrix[row * m] = v[row];
        }

        for (var column = 0; column < m; column++)
        {
            matrix[((m - 1) * m) + column] = v[m - 1 - column];
        }

        return matrix;
    }

    private static double[] Identity(int m)
    {
        var identity = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            identity[(i * m) + i] = 1.0;
        }

        return identity;
    }

    private static double[] Multiply(double[] left, double[] right, int m)
    {
        var product = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var k = 0; k < m; k++)
            {
                var a = left[(i * m) + k];
                if (a == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    product[(i * m) + j] += a * right[(k * m) + j];
                }
            }
        }

        return product;
    }
}
