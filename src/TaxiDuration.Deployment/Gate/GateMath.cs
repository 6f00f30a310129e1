namespace TaxiDuration.Deployment.Gate;

/// <summary>Small arithmetic shared by the rules, in one place so every ratio treats zero the same way.</summary>
internal static class GateMath
{
    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/>, where 0/0 is 1 (two perfect models tie) and
    /// x/0 is +∞ (anything is infinitely worse than perfect); NaN stays NaN, so a rule comparing it fails.
    /// </summary>
    public static double Ratio(double numerator, double denominator) =>
        denominator == 0 && numerator == 0 ? 1 : numerator / denominator;

    public static double Rmse(double sumOfSquares, int count) => Math.Sqrt(sumOfSquares / count);
}
