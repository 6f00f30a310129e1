namespace TaxiDuration.Model.Trees;

/// <summary>
/// The one-hot slot ranges of a feature vector (a zone's 260 slots, an hour's 24), as ML.NET annotates them. A
/// categorical split names a set of slots inside one block; a compiled row carries one code per block, the offset
/// of its hot slot plus one (0: none), so the split tests one bit instead of scanning slots.
/// </summary>
internal sealed class OneHotBlocks
{
    private readonly (int Start, int End)[] ranges;

    public OneHotBlocks(IReadOnlyList<(int Start, int End)> ranges, int featureCount)
    {
        this.ranges = [.. ranges.Where(range => range.Start >= 0 && range.End < featureCount && range.Start <= range.End)];
        BlockOfSlot = Enumerable.Repeat(-1, featureCount).ToArray();
        for (var block = 0; block < this.ranges.Length; block++)
        {
            BlockOfSlot.AsSpan(this.ranges[block].Start, Length(block)).Fill(block);
        }
    }

    public int Count => ranges.Length;

    /// <summary>For each slot of the vector, its block, or −1.</summary>
    public int[] BlockOfSlot { get; }

    /// <summary>The block holding slots <paramref name="start"/>..<paramref name="end"/>, or null when none does.</summary>
    public int? Find(int start, int end)
    {
        var index = Array.FindIndex(ranges, range => range.Start <= start && end <= range.End);
        return index >= 0 ? index : null;
    }

    public int Start(int block) => ranges[block].Start;

    public int Length(int block) => ranges[block].End - ranges[block].Start + 1;
}
