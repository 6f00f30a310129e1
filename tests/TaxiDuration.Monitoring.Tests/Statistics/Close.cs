namespace TaxiDuration.Monitoring.Tests.Statistics;

/// <summary>Floating-point comparison with a relative tolerance, where ∞ must equal ∞ and NaN must equal NaN.</summary>
internal static class Close
{
    /// <summary>Same algorithm as scipy/numpy, so only the last few bits may differ.</summary>
    public const double SameAlgorithm = 1e-9;

    public static void Assert(double expected, double actual, double relative = SameAlgorithm, double absolute = 0, string? what = null)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Xunit.Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }

        var tolerance = Math.Max(absolute, relative * Math.Abs(expected));
        Xunit.Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):R}, tolerance {tolerance:R})");
    }

    public static void All(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative = SameAlgorithm, double absolute = 0, string? what = null)
    {
        Xunit.Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert(expected[i], actual[i], relative, absolute, $"{what}[{i}]");
        }
    }
}
