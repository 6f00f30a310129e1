using System.Runtime.CompilerServices;
using TaxiDuration.Trips;

namespace TaxiDuration.Trips.Tests;

public sealed class TripRecordTests
{
    private static readonly DateTime Noon = new(2021, 1, 5, 12, 0, 0);

    [Fact]
    public void Every_field_reads_back_what_was_given()
    {
        var record = new TripRecord(Noon, Noon.AddMinutes(9), 43, 151, 2, 1.5, 8.5, 12.3);

        Assert.Equal((Noon, Noon.AddMinutes(9)), (record.PickupTime, record.DropoffTime));
        Assert.Equal((43, 151), (record.PickupLocationId, record.DropoffLocationId));
        Assert.Equal((2, 1.5, 8.5, 12.3), (record.PassengerCount, record.TripDistance, record.FareAmount, record.TotalAmount));
    }

    // Each field alone absent: a flag mixed up between two fields would null the wrong one.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void One_absent_field_is_null_and_the_others_keep_their_values(int absent)
    {
        var record = new TripRecord(
            absent == 0 ? null : Noon, absent == 1 ? null : Noon.AddMinutes(9), absent == 2 ? null : 43, absent == 3 ? null : 151,
            absent == 4 ? null : 2, absent == 5 ? null : 1.5, absent == 6 ? null : 8.5, absent == 7 ? null : 12.3);

        object?[] values = [record.PickupTime, record.DropoffTime, record.PickupLocationId, record.DropoffLocationId,
            record.PassengerCount, record.TripDistance, record.FareAmount, record.TotalAmount];
        object[] given = [Noon, Noon.AddMinutes(9), 43, 151, 2.0, 1.5, 8.5, 12.3];
        for (var field = 0; field < values.Length; field++)
        {
            Assert.Equal(field == absent ? null : given[field], values[field]);
        }
    }

    [Fact]
    public void A_zero_is_a_value_not_an_absence()
    {
        var record = new TripRecord(DateTime.MinValue, null, 0, null, 0, 0, 0, null);

        Assert.Equal(DateTime.MinValue, record.PickupTime);
        Assert.Equal((0, 0.0, 0.0, 0.0), (record.PickupLocationId, record.PassengerCount, record.TripDistance, record.FareAmount));
        Assert.NotEqual(new TripRecord(DateTime.MinValue, null, 0, null, 0, 0, 0, 0), record);
    }

    [Fact]
    public void With_sets_and_clears_one_field_and_equality_follows_the_values()
    {
        var record = new TripRecord(Noon, Noon.AddMinutes(9), 43, 151, 2, 1.5, 8.5, 12.3);

        var cleared = record with { TripDistance = null };
        var restored = cleared with { TripDistance = 1.5 };

        Assert.Null(cleared.TripDistance);
        Assert.Equal(43, cleared.PickupLocationId);
        Assert.NotEqual(record, cleared);
        Assert.Equal(record, restored);
        Assert.Equal(record.GetHashCode(), restored.GetHashCode());
        Assert.Equal(new TripRecord(Noon, null, null, null, null, 7, null, null), new TripRecord(Noon, Noon, 5, 5, 5, 7, 5, 5) with
        {
            DropoffTime = null, PickupLocationId = null, DropoffLocationId = null, PassengerCount = null, FareAmount = null, TotalAmount = null,
        });
    }

    // The point of the compact layout: a month of records is the largest block a read touches.
    [Fact]
    public void A_record_takes_64_bytes_not_the_112_of_eight_nullable_fields() =>
        Assert.Equal(64, Unsafe.SizeOf<TripRecord>());
}
