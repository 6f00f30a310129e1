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
        ReadOnlyMemory<DateTime?> pickupTimes,
        ReadOnlyMemory<DateTime?> dropoffTimes,
        ReadOnlyMemory<int?> pickupLocationIds,
        ReadOnlyMemory<int?> dropoffLocationIds,
        ReadOnlyMemory<double?> tripDistances,
        ReadOnlyMemory<double?> passengerCounts = default,
        ReadOnlyMemory<double?> fareAmounts = default,
        ReadOnlyMemory<double?> totalAmounts = default)
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

    public ReadOnlyMemory<DateTime?> PickupTimes { get; }

    public ReadOnlyMemory<DateTime?> DropoffTimes { get; }

    public ReadOnlyMemory<int?> PickupLocationIds { get; }

    public ReadOnlyMemory<int?> DropoffLocationIds { get; }

    public ReadOnlyMemory<double?> TripDistances { get; }

    /// <summary>Empty when the file has no such column.</summary>
    public ReadOnlyMemory<double?> PassengerCounts { get; }

    /// <summary>Empty when the file has no such column.</summary>
    public ReadOnlyMemory<double?> FareAmounts { get; }

    /// <summary>Empty when the file has no such column.</summary>
    public ReadOnlyMemory<double?> TotalAmounts { get; }

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

        return new TripColumns(records.Length, pickups, dropoffs, origins, destinations, distances, passengers, fares, totals);
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

    private static ReadOnlyMemory<T> Required<T>(ReadOnlyMemory<T> column, int count, string name) =>
        column.Length == count ? column : throw new ArgumentException($"{column.Length:N0} values for {count:N0} trips.", name);

    private static ReadOnlyMemory<T> Optional<T>(ReadOnlyMemory<T> column, int count, string name) =>
        column.IsEmpty ? column : Required(column, count, name);

    // The columns' spans taken once, not once a row.
    private readonly ref struct Spans(TripColumns columns)
    {
        private readonly ReadOnlySpan<DateTime?> pickups = columns.PickupTimes.Span;
        private readonly ReadOnlySpan<DateTime?> dropoffs = columns.DropoffTimes.Span;
        private readonly ReadOnlySpan<int?> origins = columns.PickupLocationIds.Span;
        private readonly ReadOnlySpan<int?> destinations = columns.DropoffLocationIds.Span;
        private readonly ReadOnlySpan<double?> distances = columns.TripDistances.Span;
        private readonly ReadOnlySpan<double?> passengers = columns.PassengerCounts.Span;
        private readonly ReadOnlySpan<double?> fares = columns.FareAmounts.Span;
        private readonly ReadOnlySpan<double?> totals = columns.TotalAmounts.Span;

        public TripRecord Record(int i) => new(
            pickups[i],
            dropoffs[i],
            origins[i],
            destinations[i],
            passengers.IsEmpty ? null : passengers[i],
            distances[i],
            fares.IsEmpty ? null : fares[i],
            totals.IsEmpty ? null : totals[i]);
    }
}
