namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// The exact two-sided p-value of the two-sample K-S test by counting lattice paths (Hodges 1958), as scipy's
/// <c>_attempt_exact_2kssamp</c> does: the statistic is first snapped to a multiple of 1/lcm(n₁, n₂), equal sizes use
/// the closed alternating sum, unequal sizes Viehmann's (2021) stable recursion for 1 − P. A probability that comes
/// out of [0, 1] through rounding is a failure, and the caller must then fall back to the asymptotic method.
/// </summary>
internal static class KolmogorovSmirnovExact
{
    /// <summary>Tries the exact p-value; returns the snapped statistic either way, as scipy does.</summary>
    public static bool TryPValue(int n1, int n2, int gcd, double d, out double snappedD, out double pValue)
    {
        var lcm = (long)(n1 / gcd) * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        snappedD = h * 1.0 / lcm;
        if (h == 0)
        {
            pValue = 1.0;
            return true;
        }

        pValue = n1 == n2 ? ProbabilityOutsideSquare(n1, h) : OuterProbabilityInside(n1, n2, gcd, h);
        return pValue is >= 0 and <= 1;
    }

    /// <summary>
    /// P(D_{n,n} ≥ h/n) = 2·Σ (−1)^(k−1)·C(2n, n − kh)/C(2n, n), evaluated Horner-style on ratios of binomials so
    /// the alternating sum does not cancel catastrophically. O(n).
    /// </summary>
    internal static double ProbabilityOutsideSquare(long n, long h)
    {
        var p = 0.0;
        var k = (long)Math.Floor((double)n / h);
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k -= 1;
        }

        return 2 * p;
    }

    /// <summary>
    /// 1 − (share of lattice paths from (0,0) to (m,n) that stay strictly inside |x/m − y/n| &lt; h/lcm), computed
    /// column by column over a sliding window of the one column kept (scipy's pythran
    /// <c>_compute_outer_prob_inside_method</c>). O(m · window), the window being about 2·d·n.
    /// </summary>
    internal static double OuterProbabilityInside(long m, long n, long gcd, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / gcd;
        var ng = n / gcd;
        long minJ = 0;
        var maxJ = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var currentLength = maxJ - minJ;
        var lengthA = Math.Min((2 * maxJ) + 2, n + 1);
        var a = new double[lengthA];
        Array.Fill(a, 1.0);
        Array.Fill(a, 0.0, (int)minJ, (int)(maxJ - minJ));
        for (long i = 1; i <= m; i++)
        {
            var lastMinJ = minJ;
            var lastLength = currentLength;
            minJ = Math.Max((long)Math.Floor((double)((ng * i) - h) / mg) + 1, 0);
            minJ = Math.Min(minJ, n);
            maxJ = Math.Min((long)Math.Ceiling((double)((ng * i) + h) / mg), n + 1);
            if (maxJ <= minJ)
            {
                return 1.0;
            }

            var value = minJ == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxJ - minJ; jj++)
            {
                var j = jj + minJ;
                value = ((a[jj + minJ - lastMinJ] * i) + (value * j)) / (i + j);
                a[jj] = value;
            }

            currentLength = maxJ - minJ;
            if (lastLength > currentLength)
            {
                // Cells that leave the window are outside the band: their complement probability is 1.
                var from = (int)(maxJ - minJ);
                var count = (int)Math.Min(lastLength - currentLength, lengthA - from);
                Array.Fill(a, 1.0, from, Math.Max(count, 0));
            }
        }

        return a[maxJ - minJ - 1];
    }
}
