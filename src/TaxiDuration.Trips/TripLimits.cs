namespace TaxiDuration.Trips;

/// <summary>Bounds of a plausible taxi trip, shared by data validation (rejects such rows) and the service (rejects such requests).</summary>
public static class TripLimits
{
    /// <summary>Longer than any plausible city taxi ride; above this the meter value is an error, not a trip.</summary>
    public const double MaxDistanceMiles = 500;

    /// <summary>
    /// Whether the service accepts a ride of <paramref name="miles"/>. Training keeps every trip of a plausible
    /// duration (as the course does), so a month holds a few trips no client could ask about.
    /// </summary>
    public static bool IsRequestableDistance(double miles) => miles is >= 0 and <= MaxDistanceMiles;
}
