using TaxiDuration.Trips;

namespace TaxiDuration.Trips.Tests;

public sealed class TripColumnsTests
{
    private static readonly DateTime Noon = new(2021, 1, 5, 12, 0, 0);

    // Every field distinct, and each of the eight absent in one trip, so a column mixed up with another shows.
    private static readonly TripRecord[] Trips =
    [
        new(Noon, Noon.AddMinutes(9), 43, 151, 2, 1.5, 8.5, 12.3),
        new(null, Noon.AddMinutes(1), 1, 2, 3, 4, 5, 6),
        new(Noon.AddMinutes(2), null, 7, 8, 9, 10, 11, 12),
        new(Noon.AddMinutes(3), Noon.AddMinutes(4), null, 13, 14, 15, 16, 17),
        new(Noon.AddMinutes(5), Noon.AddMinutes(6), 18, null, 19, 20, 21, 22),
        new(Noon.AddMinutes(7), Noon.AddMinutes(8), 23, 24, null, 25, 26, 27),
        new(Noon.AddMinutes(9), Noon.AddMinutes(10), 28, 29, 30, null, 31, 32),
        new(Noon.AddMinutes(11), Noon.AddMinutes(12), 33, 34, 35, 36, null, 37),
        new(Noon.AddMinutes(13), Noon.AddMinutes(14), 38, 39, 40, 41, 42, null),
    ];

    [Fact]
    public void Records_made_into_columns_read_back_the_same_by_index_and_by_copy()
    {
        var columns = TripColumns.FromRecords(Trips);
        var copied = new TripRecord[Trips.Length + 1];

        columns.CopyTo(copied);

        Assert.Equal(Trips.Length, columns.Count);
        Assert.Equal(Trips, Enumerable.Range(0, columns.Count).Select(i => columns[i]));
        Assert.Equal(Trips, copied[..Trips.Length]);
        Assert.Equal(default, copied[^1]);
        Assert.Equal(Trips.Select(trip => trip.TripDistance), columns.TripDistances.ToArray());
    }

    [Fact]
    public void An_optional_column_left_empty_reads_null_in_every_trip()
    {
        var full = TripColumns.FromRecords(Trips);

        var columns = new TripColumns(full.Count, full.PickupTimes, full.DropoffTimes, full.PickupLocationIds, full.DropoffLocationIds, full.TripDistances);
        var copied = new TripRecord[columns.Count];
        columns.CopyTo(copied);

        Assert.True(columns.PassengerCounts.IsEmpty && columns.FareAmounts.IsEmpty && columns.TotalAmounts.IsEmpty);
        Assert.Equal(Trips.Select(trip => trip with { PassengerCount = null, FareAmount = null, TotalAmount = null }), copied);
        Assert.Equal(Trips[0] with { PassengerCount = null, FareAmount = null, TotalAmount = null }, columns[0]);
    }

    [Fact]
    public void Columns_of_the_wrong_length_are_refused_naming_the_column()
    {
        var full = TripColumns.FromRecords(Trips);
        var count = full.Count;

        var shortDistances = Assert.Throws<ArgumentException>(() =>
            new TripColumns(count, full.PickupTimes, full.DropoffTimes, full.PickupLocationIds, full.DropoffLocationIds, TripColumn<double>.Of(full.TripDistances.ToArray()[1..])));
        var missingPickups = Assert.Throws<ArgumentException>(() =>
            new TripColumns(count, default, full.DropoffTimes, full.PickupLocationIds, full.DropoffLocationIds, full.TripDistances));
        var shortTotals = Assert.Throws<ArgumentException>(() =>
            new TripColumns(count, full.PickupTimes, full.DropoffTimes, full.PickupLocationIds, full.DropoffLocationIds, full.TripDistances, totalAmounts: TripColumn<double>.Of([1, 2])));

        Assert.Equal(("tripDistances", "pickupTimes", "totalAmounts"), (shortDistances.ParamName, missingPickups.ParamName, shortTotals.ParamName));
        Assert.StartsWith($"{count - 1} values for {count} trips", shortDistances.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TripColumns(-1, default, default, default, default, default));
    }

    [Fact]
    public void An_index_outside_the_batch_and_a_destination_too_short_are_refused()
    {
        var columns = TripColumns.FromRecords(Trips);

        Assert.Throws<ArgumentOutOfRangeException>(() => columns[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => columns[Trips.Length]);
        var tooShort = Assert.Throws<ArgumentException>(() => columns.CopyTo(new TripRecord[Trips.Length - 1]));
        Assert.Equal("destination", tooShort.ParamName);
        Assert.StartsWith($"Room for {Trips.Length - 1} records, {Trips.Length} needed", tooShort.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_batch_has_no_trips()
    {
        var empty = TripColumns.FromRecords([]);

        empty.CopyTo([]);
        Assert.Equal(0, empty.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => empty[0]);
    }

    [Fact]
    public void A_column_keeps_each_value_and_each_absence_in_its_row()
    {
        var column = TripColumn<double>.Of([1.5, null, 0, null, -2]);

        Assert.Equal([1.5, null, 0, null, -2], column.ToArray());
        Assert.Equal(2, column.NullCount());
        Assert.Equal([true, false, true, false, true], column.Present.ToArray());
        Assert.Equal([1.5, 0, 0, 0, -2], column.Values.ToArray());
        Assert.Equal((double?)0, column[2]);
        Assert.Null(column[3]);
        Assert.Equal(-2, column.Span[4]);
    }

    [Fact]
    public void An_empty_column_reads_null_and_flags_that_do_not_match_the_values_are_refused()
    {
        var empty = default(TripColumn<int>);

        Assert.True(empty.IsEmpty);
        Assert.Null(empty[0]);
        Assert.Null(empty.Span[3]);
        Assert.Equal(0, empty.NullCount());
        var mismatch = Assert.Throws<ArgumentException>(() => new TripColumn<int>(new[] { 1, 2 }, new[] { true }));
        Assert.Equal("present", mismatch.ParamName);
        Assert.StartsWith("1 presence flags for 2 values", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_trip_hands_its_five_required_values_to_the_visitor_in_order()
    {
        var visitor = new Collecting();

        TripColumns.FromRecords(Trips).ForEachTrip(visitor);

        Assert.Equal(
            Trips.Select(trip => (trip.PickupTime, trip.DropoffTime, trip.PickupLocationId, trip.DropoffLocationId, trip.TripDistance)),
            visitor.Seen);
    }

    private sealed class Collecting : ITripVisitor
    {
        public List<(DateTime?, DateTime?, int?, int?, double?)> Seen { get; } = [];

        public void Visit(DateTime? pickupTime, DateTime? dropoffTime, int? pickupLocationId, int? dropoffLocationId, double? tripDistance) =>
            Seen.Add((pickupTime, dropoffTime, pickupLocationId, dropoffLocationId, tripDistance));
    }
}
