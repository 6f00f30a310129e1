namespace TaxiDuration.Trips;

/// <summary>Bounds of a plausible taxi trip, shared by data validation (rejects such rows) and the service (rejects such requests).</summary>
public static class TripLimits
{
    /// <summary>Longer than any plausible city taxi ride; above this the meter value is an error, not a trip.</summary>
    public const double MaxDistanceMiles = 500;
}
