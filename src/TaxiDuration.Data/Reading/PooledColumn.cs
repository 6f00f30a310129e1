using System.Buffers;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>One column of a row group being decoded: values and presence flags in buffers lent by the shared pool.</summary>
internal sealed class PooledColumn<T>(int rows) : IDisposable
    where T : struct
{
    private readonly T[] values = ArrayPool<T>.Shared.Rent(rows);
    private readonly bool[] present = ArrayPool<bool>.Shared.Rent(rows);
    private bool returned;

    /// <summary>Where the decoder writes a value per row.</summary>
    public Memory<T> Values => values.AsMemory(0, rows);

    /// <summary>Where the decoder writes whether each row has a value.</summary>
    public Memory<bool> Present => present.AsMemory(0, rows);

    /// <summary>The decoded column, lent: valid until this is disposed.</summary>
    public TripColumn<T> Column => new(Values, Present);

    // Stryker disable all : equivalent, a buffer not returned (or returned twice by a second Dispose, which nothing does) only changes the pool's reuse.
    public void Dispose()
    {
        if (returned)
        {
            return;
        }

        returned = true;
        ArrayPool<T>.Shared.Return(values);
        ArrayPool<bool>.Shared.Return(present);
    }

    // Stryker restore all
}
