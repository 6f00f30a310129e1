namespace TaxiDuration.Monitoring.Statistics;

/// <summary>
/// The Pelz–Good (1976) approximation of P(Dₙ ≤ x): the Li-Chien/Korolyuk expansion K₀ + K₁/√n + K₂/n + K₃/n^1.5,
/// each term rewritten with Jacobi theta identities so it converges for small z = x√n. scipy falls back to it
/// for n &gt; 140 where Durbin's matrix would be too large.
/// </summary>
internal static class KolmogorovPelzGood
{
    private const double MinLog = -708;
    private const double SqrtTwoPi = 2.5066282746310002;
    private const double PiSquared = 9.869604401089358;
    private const double PiFour = 97.40909103400242;
    private const double PiSix = 961.3891935753043;
    private const double Sqrt3 = 1.7320508075688772;

    /// <summary>The CDF, not clipped (scipy clips after taking the complement).</summary>
    public static double Cdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        var z2 = Math.Pow(z, 2);
        var z3 = Math.Pow(z, 3);
        var z4 = Math.Pow(z, 4);
        var z6 = Math.Pow(z, 6);

        var qLog = -PiSquared / 8 / z2;
        if (qLog < MinLog)
        {
            return 0.0;
        }

        var q = Math.Exp(qLog);
        var k1a = -z2;
        var k1b = PiSquared / 4;
        var k2a = (6 * z6) + (2 * z4);
        var k2b = ((2 * z4) - (5 * z2)) * PiSquared / 4;
        var k2c = PiFour * (1 - (2 * z2)) / 16;
        var k3d = PiSix * (5 - (30 * z2)) / 64;
        var k3c = PiFour * ((-60 * z2) + (212 * z4)) / 16;
        var k3b = PiSquared * ((135 * z4) - (96 * z6)) / 4;
        var k3a = (-30 * z6) - (90 * Math.Pow(z, 8));

        // Horner in q^(8k) over odd m = 2k − 1, from the largest k down.
        Span<double> terms = stackalloc double[4];
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k > 0; k--)
        {
            var m = (2 * k) - 1;
            double m2 = Math.Pow(m, 2), m4 = Math.Pow(m, 4), m6 = Math.Pow(m, 6);
            var qPower = Math.Pow(q, 8 * k);
            terms[0] = (terms[0] * qPower) + 1.0;
            terms[1] = (terms[1] * qPower) + (k1a + (k1b * m2));
            terms[2] = (terms[2] * qPower) + (k2a + (k2b * m2) + (k2c * m4));
            terms[3] = (terms[3] * qPower) + (k3a + (k3b * m2) + (k3c * m4) + (k3d * m6));
        }

        terms[0] = terms[0] * q * SqrtTwoPi / z;
        terms[1] = terms[1] * q * SqrtTwoPi / (6 * z4);
        terms[2] = terms[2] * q * SqrtTwoPi / (72 * Math.Pow(z, 7));
        terms[3] = terms[3] * q * SqrtTwoPi / (6480 * Math.Pow(z, 10));

        // The remaining sums over all integers k, where no cancellation is expected.
        var q2 = Math.Exp(-PiSquared / 2 / z2);
        var sqrt3z = Sqrt3 * z;
        Span<double> k2Parts = maxK <= 256 ? stackalloc double[maxK] : new double[maxK];
        Span<double> k3Parts = maxK <= 256 ? stackalloc double[maxK] : new double[maxK];
        for (var index = 0; index < maxK; index++)
        {
            var k = maxK - index;
            var kSquared = (double)k * k;
            var qPowers = Math.Pow(q2, k * k);
            var kPi = Math.PI * k;
            k2Parts[index] = kSquared * qPowers;
            k3Parts[index] = (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPowers;
        }

        var k2Extra = Numerics.PairwiseSum(k2Parts) * (PiSquared * SqrtTwoPi / (-36 * z3));
        var k3Extra = Numerics.PairwiseSum(k3Parts) * (PiSquared * SqrtTwoPi / (216 * z6));
        terms[2] += k2Extra;
        terms[3] += k3Extra;

        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            sum += terms[i] / Math.Pow(n * 1.0, i / 2.0);
        }

        return sum;
    }
}
