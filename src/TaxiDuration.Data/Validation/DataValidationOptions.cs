using TaxiDuration.Trips;

namespace TaxiDuration.Data.Validation;

/// <summary>
/// What a month must look like to pass <see cref="TripDataValidator"/>. The defaults pass every real green month
/// 2020–2025 with a wide margin and fail a broken extract (see docs in <see cref="TripDataValidator"/>).
/// </summary>
public sealed class DataValidationOptions
{
    /// <summary>Fewest rows a month may have (the smallest real month, 2020-04, has 35,644).</summary>
    public int MinRows { get; set; } = 1_000;

    /// <summary>
    /// Largest null share allowed in a column the features need (times, zones, distance). Real months have none.
    /// The optional columns (passenger count, fares) are reported, not checked: TLC leaves passenger_count empty
    /// on up to half the rows of some months.
    /// </summary>
    public double MaxNullShare { get; set; } = 0.05;

    /// <summary>Largest share of pickups outside the expected month (real months: at most 0.09 %).</summary>
    public double MaxOutOfMonthShare { get; set; } = 0.01;

    /// <summary>Largest share of rows with any rejection reason (real months: 2–7 %, mostly zero-distance trips).</summary>
    public double MaxRejectedShare { get; set; } = 0.15;

    /// <summary>A trip longer than this many miles is absurd (the TLC files have a few meter glitches of thousands).</summary>
    public double MaxTripDistanceMiles { get; set; } = TripLimits.MaxDistanceMiles;

    /// <summary>A trip lasting longer than this is absurd.</summary>
    public TimeSpan MaxTripDuration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MinRows < 0)
        {
            throw new ArgumentException($"{nameof(MinRows)} must be zero or more, got {MinRows}.", nameof(MinRows));
        }

        CheckShare(MaxNullShare, nameof(MaxNullShare));
        CheckShare(MaxOutOfMonthShare, nameof(MaxOutOfMonthShare));
        CheckShare(MaxRejectedShare, nameof(MaxRejectedShare));
        if (!(MaxTripDistanceMiles > 0))
        {
            throw new ArgumentException($"{nameof(MaxTripDistanceMiles)} must be positive, got {MaxTripDistanceMiles}.", nameof(MaxTripDistanceMiles));
        }

        if (MaxTripDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(MaxTripDuration)} must be positive, got {MaxTripDuration}.", nameof(MaxTripDuration));
        }
    }

    private static void CheckShare(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentException($"{name} must be a share between 0 and 1, got {value}.", name);
        }
    }
}
