namespace TaxiDuration.Data.Synthetic;

/// <summary>One generated row with every column of the TLC green schema B (2023-02 onwards), in the file's types.</summary>
internal readonly record struct SyntheticTrip(
    int? VendorId,
    DateTime? Pickup,
    DateTime? Dropoff,
    string? StoreAndForwardFlag,
    long? RatecodeId,
    int? PickupLocationId,
    int? DropoffLocationId,
    long? PassengerCount,
    double? TripDistance,
    double? FareAmount,
    double? Extra,
    double? MtaTax,
    double? TipAmount,
    double? TollsAmount,
    double? EhailFee,
    double? ImprovementSurcharge,
    double? TotalAmount,
    long? PaymentType,
    long? TripType,
    double? CongestionSurcharge);
