using System.Buffers;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>
/// The eight columns of one row group in pooled buffers, each filled by its own decode (so two halves can decode at
/// once), then lent as <see cref="TripColumns"/>. An optional column the file lacks has no buffer: empty, every trip null.
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

    /// <summary>The decoded group as trips: a view of the pooled buffers, valid until this is disposed.</summary>
    public TripColumns Trips => new(rows, Pickups, Dropoffs, Origins, Destinations, Distances, Passengers, Fares, Totals);

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
