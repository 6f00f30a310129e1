using System.Collections;

namespace TaxiDuration.Features;

/// <summary>
/// A month's featurized trips, held as columns (20 bytes a trip) and read as <see cref="TripExample"/> rows: every
/// ML.NET pipeline, evaluator and report reads it as the list it is. A 3 M-row month held as 2.9 M objects cost 260 MB
/// of fresh memory and a third of its preparation time (docs/benchmarks/scale.md); as columns it costs 60 MB.
/// </summary>
/// <remarks>
/// A row is made when it is read: each read gives a new <see cref="TripExample"/>, and changing it changes nothing
/// here. To change the examples, featurize other trips.
/// </remarks>
public sealed class TripExamples : IReadOnlyList<TripExample>
{
    private readonly ExampleChunk[] chunks;

    // The first row of each chunk, for finding a row's chunk by binary search.
    private readonly int[] starts;

    internal TripExamples(IEnumerable<ExampleChunk> chunks)
    {
        this.chunks = [.. chunks.Where(chunk => chunk.Count > 0)];
        starts = new int[this.chunks.Length];
        for (var i = 0; i < this.chunks.Length; i++)
        {
            starts[i] = Count;
            Count += this.chunks[i].Count;
        }

        PickupTimes = new PickupTimeList(this);
    }

    /// <summary>No examples.</summary>
    public static TripExamples Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>Each example's pickup time (New York wall clock), same order.</summary>
    public IReadOnlyList<DateTime> PickupTimes { get; }

    /// <summary>Example <paramref name="row"/>, made now.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such row.</exception>
    public TripExample this[int row]
    {
        get
        {
            var (chunk, index) = Locate(row);
            return chunk.Example(index);
        }
    }

    /// <summary>The examples at <paramref name="rows"/>, in that order, as examples of their own (a time split, a filter).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A row that is not there.</exception>
    public TripExamples Rows(IReadOnlyCollection<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var subset = new ExampleChunk(rows.Count);
        foreach (var row in rows)
        {
            var (chunk, index) = Locate(row);
            subset.Add(chunk, index);
        }

        return new TripExamples([subset]);
    }

    public IEnumerator<TripExample> GetEnumerator() => Read(static (chunk, row) => chunk.Example(row)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Every row in order, chunk after chunk: what the examples and their pickup times both enumerate.
    private IEnumerable<T> Read<T>(Func<ExampleChunk, int, T> read)
    {
        foreach (var chunk in chunks)
        {
            for (var row = 0; row < chunk.Count; row++)
            {
                yield return read(chunk, row);
            }
        }
    }

    private (ExampleChunk Chunk, int Index) Locate(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        var found = Array.BinarySearch(starts, row);
        var chunk = found >= 0 ? found : ~found - 1;
        return (chunks[chunk], row - starts[chunk]);
    }

    private sealed class PickupTimeList(TripExamples examples) : IReadOnlyList<DateTime>
    {
        public int Count => examples.Count;

        public DateTime this[int row]
        {
            get
            {
                var (chunk, index) = examples.Locate(row);
                return chunk.PickupTime(index);
            }
        }

        public IEnumerator<DateTime> GetEnumerator() => examples.Read(static (chunk, row) => chunk.PickupTime(row)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
