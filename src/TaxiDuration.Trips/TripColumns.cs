namespace TaxiDuration.Trips;

/// <summary>
/// A batch of trips held column by column, the way a Parquet row group decodes: the form the streamed training
/// path validates and featurizes, so a month is never copied into <see cref="TripRecord"/>s only to be read once
/// and dropped (on a 3 M-row month those records were 192 MB of memory touched for nothing, docs/benchmarks/scale.md).
/// </summary>
/// <remarks>
/// The five columns the features need are required, one value per trip. An optional column the file lacks is
/// empty, and every trip reads null there, as in <see cref="TripRecord"/>. A reader may lend its buffers: a batch
/// from <c>ITripReader.ReadColumnsAsync</c> is valid until the next one is requested.
/// </remarks>
public sealed class TripColumns
{
    /// <exception cref="ArgumentException">A required column without one value per trip, or an optional one that is neither empty nor one value per trip.</exception>
    public TripColumns(
        int count,
        TripColumn<DateTime> pickupTimes,
        TripColumn<DateTime> dropoffTimes,
        TripColumn<int> pickupLocationIds,
        TripColumn<int> dropoffLocationIds,
        TripColumn<double> tripDistances,
        TripColumn<double> passengerCounts = default,
        TripColumn<double> fareAmounts = default,
        TripColumn<double> totalAmounts = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        PickupTimes = Required(pickupTimes, count, nameof(pickupTimes));
        DropoffTimes = Required(dropoffTimes, count, nameof(dropoffTimes));
        PickupLocationIds = Required(pickupLocationIds, count, nameof(pickupLocationIds));
        DropoffLocationIds = Required(dropoffLocationIds, count, nameof(dropoffLocationIds));
        TripDistances = Required(tripDistances, count, nameof(tripDistances));
        PassengerCounts = Optional(passengerCounts, count, nameof(passengerCounts));
        FareAmounts = Optional(fareAmounts, count, nameof(fareAmounts));
        TotalAmounts = Optional(totalAmounts, count, nameof(totalAmounts));
    }

    /// <summary>The number of trips.</summary>
    public int Count { get; }

    public TripColumn<DateTime> PickupTimes { get; }

    public TripColumn<DateTime> DropoffTimes { get; }

    public TripColumn<int> PickupLocationIds { get; }

    public TripColumn<int> DropoffLocationIds { get; }

    public TripColumn<double> TripDistances { get; }

    /// <summary>Empty when the file has no such column.</summary>
    public TripColumn<double> PassengerCounts { get; }

    /// <summary>Empty when the file has no such column.</summary>
    public TripColumn<double> FareAmounts { get; }

    /// <summary>Empty when the file has no such column.</summary>
    public TripColumn<double> TotalAmounts { get; }

    /// <summary>Trip <paramref name="index"/> as a record.</summary>
    public TripRecord this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Spans(this).Record(index);
        }
    }

    /// <summary>Hands each trip's five required values to <paramref name="visitor"/>, in order.</summary>
    public void ForEachTrip<TVisitor>(TVisitor visitor)
        where TVisitor : ITripVisitor
    {
        var pickups = PickupTimes.Span;
        var dropoffs = DropoffTimes.Span;
        var origins = PickupLocationIds.Span;
        var destinations = DropoffLocationIds.Span;
        var distances = TripDistances.Span;
        for (var i = 0; i < Count; i++)
        {
            visitor.Visit(pickups[i], dropoffs[i], origins[i], destinations[i], distances[i]);
        }
    }

    /// <summary>Columns holding <paramref name="records"/> (copied: the batch owns its arrays).</summary>
    public static TripColumns FromRecords(ReadOnlySpan<TripRecord> records)
    {
        var pickups = new DateTime?[records.Length];
        var dropoffs = new DateTime?[records.Length];
        var origins = new int?[records.Length];
        var destinations = new int?[records.Length];
        var distances = new double?[records.Length];
        var passengers = new double?[records.Length];
        var fares = new double?[records.Length];
        var totals = new double?[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            (pickups[i], dropoffs[i], origins[i], destinations[i]) = (record.PickupTime, record.DropoffTime, record.PickupLocationId, record.DropoffLocationId);
            (distances[i], passengers[i], fares[i], totals[i]) = (record.TripDistance, record.PassengerCount, record.FareAmount, record.TotalAmount);
        }

        return new TripColumns(
            records.Length,
            TripColumn<DateTime>.Of(pickups),
            TripColumn<DateTime>.Of(dropoffs),
            TripColumn<int>.Of(origins),
            TripColumn<int>.Of(destinations),
            TripColumn<double>.Of(distances),
            TripColumn<double>.Of(passengers),
            TripColumn<double>.Of(fares),
            TripColumn<double>.Of(totals));
    }

    /// <summary>Writes every trip into <paramref name="destination"/> as a record, each whole and once.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Count"/>.</exception>
    public void CopyTo(Span<TripRecord> destination)
    {
        if (destination.Length < Count)
        {
            throw new ArgumentException($"Room for {destination.Length:N0} records, {Count:N0} needed.", nameof(destination));
        }

        var spans = new Spans(this);
        for (var i = 0; i < Count; i++)
        {
            destination[i] = spans.Record(i);
        }
    }

    private static TripColumn<T> Required<T>(TripColumn<T> column, int count, string name)
        where T : struct =>
        column.Length == count ? column : throw new ArgumentException($"{column.Length:N0} values for {count:N0} trips.", name);

    private static TripColumn<T> Optional<T>(TripColumn<T> column, int count, string name)
        where T : struct =>
        column.IsEmpty ? column : Required(column, count, name);

    // The columns' spans taken once, not once a row.
    private readonly ref struct Spans(TripColumns columns)
    {
        private readonly TripColumnSpan<DateTime> pickups = columns.PickupTimes.Span;
        private readonly TripColumnSpan<DateTime> dropoffs = columns.DropoffTimes.Span;
        private readonly TripColumnSpan<int> origins = columns.PickupLocationIds.Span;
        private readonly TripColumnSpan<int> destinations = columns.DropoffLocationIds.Span;
        private readonly TripColumnSpan<double> distances = columns.TripDistances.Span;
        private readonly TripColumnSpan<double> passengers = columns.PassengerCounts.Span;
        private readonly TripColumnSpan<double> fares = columns.FareAmounts.Span;
        private readonly TripColumnSpan<double> totals = columns.TotalAmounts.Span;

        public TripRecord Record(int i) => new(
            pickups[i], dropoffs[i], origins[i], destinations[i], passengers[i], distances[i], fares[i], totals[i]);
    }
}
