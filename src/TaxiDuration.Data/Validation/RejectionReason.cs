using TaxiDuration.Trips;

namespace TaxiDuration.Data.Validation;

/// <summary>Why a trip record is unusable. A row can have several reasons; each is counted.</summary>
public enum RejectionReason
{
    /// <summary>Pickup or drop-off time is null.</summary>
    NullTimestamp,

    /// <summary>The drop-off is before the pickup.</summary>
    DropoffBeforePickup,

    /// <summary>The trip lasts longer than <see cref="DataValidationOptions.MaxTripDuration"/> (a day by default).</summary>
    DurationOverLimit,

    /// <summary>Trip distance is null.</summary>
    NullDistance,

    /// <summary>Trip distance is zero or negative.</summary>
    NonPositiveDistance,

    /// <summary>Trip distance is over <see cref="DataValidationOptions.MaxTripDistanceMiles"/> (500 miles by default), or not a number.</summary>
    AbsurdDistance,

    /// <summary>Pickup or drop-off zone is null.</summary>
    NullZone,

    /// <summary>A zone ID outside 1–265 (<see cref="TaxiZones"/>).</summary>
    ZoneOutOfRange,
}
