namespace TaxiDuration.Data.Synthetic;

/// <summary>The kinds of dirt real TLC rows have, reproduced so cleaning code is exercised on synthetic data too.</summary>
internal enum TripDefect
{
    None,

    /// <summary>A normal trip with trip_distance 0 (meter not reset, GPS loss).</summary>
    ZeroDistance,

    /// <summary>A cancelled or test trip: under a minute, usually no distance.</summary>
    SubMinute,

    /// <summary>An hour to three hours: meter left running or a very long ride.</summary>
    LongTrip,

    /// <summary>Drop-off one to three days after pickup: the meter was never stopped.</summary>
    MultiDay,

    /// <summary>Drop-off before pickup: a clock error in the meter.</summary>
    NegativeDuration,

    /// <summary>Pickup outside the file's month: late uploads from the previous month, or a 2009 meter-clock reset.</summary>
    OutsideMonth,
}
