namespace TaxiDuration.Features;

/// <summary>
/// The examples a featurization keeps, with their pickup times, in chunks joined once at the end. A list grown row
/// by row reallocates its way to up to twice a month's size and copies every row each time; a 3 M-row month made
/// 180 MB of such arrays, and on the 2-core VM touching fresh memory costs more than featurizing into it
/// (docs/benchmarks/scale.md). A row group announces its size (<see cref="MakeRoom"/>), so its chunk is exact.
/// </summary>
internal sealed class KeptRows(int capacity)
{
    private const int SmallestChunk = 1024;

    private readonly List<(TripExample[] Examples, DateTime[] PickupTimes, int Used)> full = [];
    private TripExample[] examples = new TripExample[Math.Max(capacity, SmallestChunk)];
    private DateTime[] pickupTimes = new DateTime[Math.Max(capacity, SmallestChunk)];
    private int used;
    private int total;

    // Stryker disable all : equivalent, making room ahead only sizes the chunks; Add makes room itself when one is full.

    /// <summary>Makes sure the next <paramref name="rows"/> rows fit in the current chunk.</summary>
    public void MakeRoom(int rows)
    {
        if (examples.Length - used < rows)
        {
            NewChunk(Math.Max(rows, SmallestChunk));
        }
    }

    // Stryker restore all

    public void Add(TripExample example, DateTime pickupTime)
    {
        // Stryker disable once Equality : equivalent, used never passes the chunk's length.
        if (used == examples.Length)
        {
            // Rows one at a time (an enumerable of unknown length): chunks grow with what was kept so far.
            // Stryker disable once all : equivalent, the size only decides how many chunks there are.
            NewChunk(Math.Max(total, SmallestChunk));
        }

        examples[used] = example;
        pickupTimes[used] = pickupTime;
        used++;
        total++;
    }

    /// <summary>Every kept row in order, in arrays of exactly their number.</summary>
    public (TripExample[] Examples, DateTime[] PickupTimes) ToArrays()
    {
        // Stryker disable once Block : equivalent, the join below gives arrays of the same contents (only a copy more).
        if (full.Count == 0 && used == examples.Length)
        {
            return (examples, pickupTimes);
        }

        var (allExamples, allTimes) = (new TripExample[total], new DateTime[total]);
        var offset = 0;
        foreach (var (chunkExamples, chunkTimes, chunkUsed) in full.Append((examples, pickupTimes, used)))
        {
            chunkExamples.AsSpan(0, chunkUsed).CopyTo(allExamples.AsSpan(offset));
            chunkTimes.AsSpan(0, chunkUsed).CopyTo(allTimes.AsSpan(offset));
            offset += chunkUsed;
        }

        return (allExamples, allTimes);
    }

    private void NewChunk(int size)
    {
        // Stryker disable once Equality : equivalent, an empty chunk adds nothing to the join.
        if (used > 0)
        {
            full.Add((examples, pickupTimes, used));
        }

        (examples, pickupTimes, used) = (new TripExample[size], new DateTime[size], 0);
    }
}
