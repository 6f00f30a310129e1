namespace TaxiDuration.Features;

/// <summary>
/// The trips a featurization keeps, in chunks that are never joined: <see cref="TripExamples"/> reads across them. A
/// list grown row by row reallocates its way to up to twice a month's size and copies every row each time, and a
/// join at the end copies the month once more; on the 2-core VM touching fresh memory costs more than featurizing
/// into it (docs/benchmarks/scale.md). A row group announces its size (<see cref="MakeRoom"/>), so its chunk is exact.
/// </summary>
internal sealed class KeptRows(int capacity)
{
    private const int SmallestChunk = 1024;

    // Stryker disable once all : equivalent, the first chunk's size only decides how many chunks there are.
    private readonly List<ExampleChunk> chunks = [new(Math.Max(capacity, SmallestChunk))];
    private int total;

    // Stryker disable all : equivalent, making room ahead only sizes the chunks; Add makes room itself when one is full.

    /// <summary>Makes sure the next <paramref name="rows"/> rows fit in the current chunk.</summary>
    public void MakeRoom(int rows)
    {
        if (chunks[^1].Room < rows)
        {
            chunks.Add(new ExampleChunk(Math.Max(rows, SmallestChunk)));
        }
    }

    // Stryker restore all

    public void Add(int origin, int destination, double distance, double minutes, DateTime pickupTime)
    {
        // Stryker disable once Equality : equivalent, a new chunk for every row gives the same examples (only more chunks).
        if (chunks[^1].Room == 0)
        {
            // Rows one at a time (an enumerable of unknown length): chunks grow with what was kept so far.
            // Stryker disable once all : equivalent, the size only decides how many chunks there are.
            chunks.Add(new ExampleChunk(Math.Max(total, SmallestChunk)));
        }

        chunks[^1].Add(origin, destination, distance, minutes, pickupTime);
        // Stryker disable once all : equivalent, the count only sizes the next chunk.
        total++;
    }

    public TripExamples ToExamples() => new(chunks);
}
