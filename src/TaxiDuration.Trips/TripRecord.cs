namespace TaxiDuration.Trips;

/// <summary>
/// One trip with the TLC columns the template uses, widened to a single CLR type per column whatever schema
/// variant the file was written with (INT32 or INT64 IDs, DOUBLE or INT64 counts). Every TLC column is
/// optional, so every field is nullable: dirty rows are data, not exceptions.
/// </summary>
/// <remarks>
/// Timestamps are the file's naive NYC local times (Kind = Unspecified).
/// Stored as plain values and one byte of "present" flags: 64 bytes a record instead of the 112 that eight
/// <see cref="Nullable{T}"/> fields take (each pads its flag to its value's size). A month's records are the largest
/// block of memory a read touches, and on the 2-core VM a first touch costs more than the decoding
/// (docs/benchmarks/scale.md). An absent value is stored as the type's default, so equality is unchanged.
/// </remarks>
public readonly record struct TripRecord
{
    private readonly DateTime pickupTime;
    private readonly DateTime dropoffTime;
    private readonly double passengerCount;
    private readonly double tripDistance;
    private readonly double fareAmount;
    private readonly double totalAmount;
    private readonly int pickupLocationId;
    private readonly int dropoffLocationId;
    private readonly Present present;

    public TripRecord(
        DateTime? PickupTime,
        DateTime? DropoffTime,
        int? PickupLocationId,
        int? DropoffLocationId,
        double? PassengerCount,
        double? TripDistance,
        double? FareAmount,
        double? TotalAmount)
    {
        this.PickupTime = PickupTime;
        this.DropoffTime = DropoffTime;
        this.PickupLocationId = PickupLocationId;
        this.DropoffLocationId = DropoffLocationId;
        this.PassengerCount = PassengerCount;
        this.TripDistance = TripDistance;
        this.FareAmount = FareAmount;
        this.TotalAmount = TotalAmount;
    }

    [Flags]
    private enum Present : byte
    {
        None = 0,
        PickupTime = 1,
        DropoffTime = 2,
        PickupLocationId = 4,
        DropoffLocationId = 8,
        PassengerCount = 16,
        TripDistance = 32,
        FareAmount = 64,
        TotalAmount = 128,
    }

    public DateTime? PickupTime
    {
        get => Has(Present.PickupTime) ? pickupTime : null;
        init => (pickupTime, present) = (value.GetValueOrDefault(), Mark(Present.PickupTime, value.HasValue));
    }

    public DateTime? DropoffTime
    {
        get => Has(Present.DropoffTime) ? dropoffTime : null;
        init => (dropoffTime, present) = (value.GetValueOrDefault(), Mark(Present.DropoffTime, value.HasValue));
    }

    public int? PickupLocationId
    {
        get => Has(Present.PickupLocationId) ? pickupLocationId : null;
        init => (pickupLocationId, present) = (value.GetValueOrDefault(), Mark(Present.PickupLocationId, value.HasValue));
    }

    public int? DropoffLocationId
    {
        get => Has(Present.DropoffLocationId) ? dropoffLocationId : null;
        init => (dropoffLocationId, present) = (value.GetValueOrDefault(), Mark(Present.DropoffLocationId, value.HasValue));
    }

    public double? PassengerCount
    {
        get => Has(Present.PassengerCount) ? passengerCount : null;
        init => (passengerCount, present) = (value.GetValueOrDefault(), Mark(Present.PassengerCount, value.HasValue));
    }

    public double? TripDistance
    {
        get => Has(Present.TripDistance) ? tripDistance : null;
        init => (tripDistance, present) = (value.GetValueOrDefault(), Mark(Present.TripDistance, value.HasValue));
    }

    public double? FareAmount
    {
        get => Has(Present.FareAmount) ? fareAmount : null;
        init => (fareAmount, present) = (value.GetValueOrDefault(), Mark(Present.FareAmount, value.HasValue));
    }

    public double? TotalAmount
    {
        get => Has(Present.TotalAmount) ? totalAmount : null;
        init => (totalAmount, present) = (value.GetValueOrDefault(), Mark(Present.TotalAmount, value.HasValue));
    }

    private bool Has(Present value) => (present & value) != 0;

    private Present Mark(Present value, bool isPresent) => isPresent ? present | value : present & ~value;
}
