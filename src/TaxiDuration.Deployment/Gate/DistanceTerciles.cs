namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// Splits trips into short, medium and long at the 1/3 and 2/3 quantiles of the month's own distances, so each
/// tercile holds about a third of the trips whatever the month's mix.
/// </summary>
/// <param name="LowEdge">The 1/3 quantile: a trip this long or shorter is short.</param>
/// <param name="HighEdge">The 2/3 quantile: a trip longer than <paramref name="LowEdge"/> and at most this long is medium; longer is long.</param>
internal sealed record DistanceTerciles(double LowEdge, double HighEdge)
{
    /// <summary>
    /// Edges by linear interpolation between order statistics (the "type 7" quantile, numpy's and R's default):
    /// for sorted x₀…xₙ₋₁ and p, h = (n − 1)·p, q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). h is computed as
    /// (n − 1)·k / 3 so it is exact whenever it is a whole number.
    /// </summary>
    public static DistanceTerciles From(IReadOnlyList<PairedTrip> trips)
    {
        var distances = new double[trips.Count];
        for (var i = 0; i < distances.Length; i++)
        {
            distances[i] = trips[i].DistanceMiles;
        }

        Array.Sort(distances);
        return new DistanceTerciles(Quantile(distances, 1), Quantile(distances, 2));
    }

    /// <summary>0 short, 1 medium, 2 long; a distance equal to an edge belongs to the lower tercile.</summary>
    public int IndexOf(double distance) => distance <= LowEdge ? 0 : distance <= HighEdge ? 1 : 2;

    private static double Quantile(double[] sorted, int thirds)
    {
        var position = (sorted.Length - 1L) * thirds / 3.0;
        var below = (int)Math.Floor(position);
        var fraction = position - below;
        return below + 1 < sorted.Length ? sorted[below] + (fraction * (sorted[below + 1] - sorted[below])) : sorted[below];
    }
}
