using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>
/// The eight columns of one row group in pooled buffers, each filled by its own decode (so two halves can decode at
/// once), then lent as <see cref="TripColumns"/>. An optional column the file lacks has no buffer: empty, every trip null.
/// </summary>
internal sealed class RowGroupColumns : IDisposable
{
    private readonly int rows;

    public RowGroupColumns(int rows, bool hasPassengers, bool hasFares, bool hasTotals)
    {
        this.rows = rows;
        Pickups = new PooledColumn<DateTime>(rows);
        Dropoffs = new PooledColumn<DateTime>(rows);
        Origins = new PooledColumn<int>(rows);
        Destinations = new PooledColumn<int>(rows);
        Distances = new PooledColumn<double>(rows);
        Passengers = hasPassengers ? new PooledColumn<double>(rows) : null;
        Fares = hasFares ? new PooledColumn<double>(rows) : null;
        Totals = hasTotals ? new PooledColumn<double>(rows) : null;
    }

    public PooledColumn<DateTime> Pickups { get; }

    public PooledColumn<DateTime> Dropoffs { get; }

    public PooledColumn<int> Origins { get; }

    public PooledColumn<int> Destinations { get; }

    public PooledColumn<double> Distances { get; }

    /// <summary>Null when the file lacks the column.</summary>
    public PooledColumn<double>? Passengers { get; }

    /// <summary>Null when the file lacks the column.</summary>
    public PooledColumn<double>? Fares { get; }

    /// <summary>Null when the file lacks the column.</summary>
    public PooledColumn<double>? Totals { get; }

    /// <summary>The decoded group as trips: a view of the pooled buffers, valid until this is disposed.</summary>
    public TripColumns Trips => new(
        rows,
        Pickups.Column,
        Dropoffs.Column,
        Origins.Column,
        Destinations.Column,
        Distances.Column,
        Passengers?.Column ?? default,
        Fares?.Column ?? default,
        Totals?.Column ?? default);

    // Stryker disable Block,Statement : equivalent, a buffer not returned only costs the pool a reuse.
    public void Dispose()
    {
        Pickups.Dispose();
        Dropoffs.Dispose();
        Origins.Dispose();
        Destinations.Dispose();
        Distances.Dispose();
        Passengers?.Dispose();
        Fares?.Dispose();
        Totals?.Dispose();
    }

    // Stryker restore Block,Statement
}
