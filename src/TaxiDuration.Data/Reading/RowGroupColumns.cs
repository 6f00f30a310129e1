using System.Buffers;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>
/// The eight columns of one row group in pooled buffers, each filled by its own decode (so two halves can decode at
/// once), then joined into records in one pass. An optional column the file lacks has no buffer, and its records keep null.
/// </summary>
internal sealed class RowGroupColumns : IDisposable
{
    private readonly int rows;
    private DateTime?[]? pickups, dropoffs;
    private int?[]? origins, destinations;
    private double?[]? distances, passengers, fares, totals;

    public RowGroupColumns(int rows, bool hasPassengers, bool hasFares, bool hasTotals)
    {
        this.rows = rows;
        pickups = ArrayPool<DateTime?>.Shared.Rent(rows);
        dropoffs = ArrayPool<DateTime?>.Shared.Rent(rows);
        origins = ArrayPool<int?>.Shared.Rent(rows);
        destinations = ArrayPool<int?>.Shared.Rent(rows);
        distances = ArrayPool<double?>.Shared.Rent(rows);
        passengers = hasPassengers ? ArrayPool<double?>.Shared.Rent(rows) : null;
        fares = hasFares ? ArrayPool<double?>.Shared.Rent(rows) : null;
        totals = hasTotals ? ArrayPool<double?>.Shared.Rent(rows) : null;
    }

    public Memory<DateTime?> Pickups => Rows(pickups);

    public Memory<DateTime?> Dropoffs => Rows(dropoffs);

    public Memory<int?> Origins => Rows(origins);

    public Memory<int?> Destinations => Rows(destinations);

    public Memory<double?> Distances => Rows(distances);

    public Memory<double?> Passengers => Rows(passengers);

    public Memory<double?> Fares => Rows(fares);

    public Memory<double?> Totals => Rows(totals);

    /// <summary>Writes every record whole, once: building them column by column wrote each record three times.</summary>
    public void CopyTo(Span<TripRecord> records)
    {
        var pickup = Pickups.Span;
        var dropoff = Dropoffs.Span;
        var origin = Origins.Span;
        var destination = Destinations.Span;
        var distance = Distances.Span;
        var passenger = Passengers.Span;
        var fare = Fares.Span;
        var total = Totals.Span;
        records = records[..rows];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = new TripRecord(
                pickup[i], dropoff[i], origin[i], destination[i],
                passenger.IsEmpty ? null : passenger[i],
                distance[i],
                fare.IsEmpty ? null : fare[i],
                total.IsEmpty ? null : total[i]);
        }
    }

    // Stryker disable Block,Statement : equivalent, a buffer not returned only costs the pool a reuse.
    public void Dispose()
    {
        Return(ref pickups);
        Return(ref dropoffs);
        Return(ref origins);
        Return(ref destinations);
        Return(ref distances);
        Return(ref passengers);
        Return(ref fares);
        Return(ref totals);
    }

    // Stryker restore Block,Statement

    // Empty for a column the file lacks (and after Dispose).
    private Memory<T> Rows<T>(T[]? buffer) => buffer is null ? default : buffer.AsMemory(0, rows);

    // Stryker disable Block,Statement : equivalent, a buffer not returned only costs the pool a reuse.
    private static void Return<T>(ref T[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<T>.Shared.Return(buffer);
            buffer = null;
        }
    }

    // Stryker restore Block,Statement
}
