namespace TaxiDuration.Data.Synthetic;

internal static class RandomExtensions
{
    /// <summary>A standard normal draw (Box–Muller), from the caller's seeded stream so output stays reproducible.</summary>
    public static double NextGaussian(this Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    /// <summary>A draw in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double NextDouble(this Random random, double low, double high) => low + ((high - low) * random.NextDouble());
}
