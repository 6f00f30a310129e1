namespace TaxiDuration.Trips;

/// <summary>
/// One trip with the TLC columns the template uses, widened to a single CLR type per column whatever schema
/// variant the file was written with (INT32 or INT64 IDs, DOUBLE or INT64 counts). Every TLC column is
/// optional, so every field is nullable: dirty rows are data, not exceptions.
/// </summary>
/// <remarks>Timestamps are the file's naive NYC local times (Kind = Unspecified).</remarks>
public readonly record struct TripRecord(
    DateTime? PickupTime,
    DateTime? DropoffTime,
    int? PickupLocationId,
    int? DropoffLocationId,
    double? PassengerCount,
    double? TripDistance,
    double? FareAmount,
    double? TotalAmount);
