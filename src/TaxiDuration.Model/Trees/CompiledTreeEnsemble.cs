using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace TaxiDuration.Model.Trees;

// Left out of coverage instrumentation: coverlet's hit counters in these loops slow scoring about 25×, which made
// every test that scores a tree model (the gate's cost rule, the level-4 replays) measure the instrumentation. The
// loops are covered by CompiledTreeTests' parity checks against ML.NET's own scoring.
/// <summary>
/// A trained regression tree ensemble flattened into arrays: it returns ML.NET's sum (the parity tests compare
/// them on real months) many times faster. ML.NET walks every tree through per-node calls on a 540-slot sparse
/// vector, binary-searching the one-hot zone slots at each categorical split. Here a row is written once as its
/// numeric features followed by one code per one-hot block (which slot is hot), so a categorical split is one
/// bit test; leaves are nodes that loop onto themselves, so four rows walk a tree together with no "leaf yet?"
/// branch per row; and a block of rows goes through one tree at a time, which keeps that tree in the CPU's cache.
/// </summary>
[ExcludeFromCodeCoverage(Justification = "Hot scoring loops; instrumentation distorts every timing, parity-tested in CompiledTreeTests.")]
public sealed class CompiledTreeEnsemble
{
    /// <summary>Rows that go through the ensemble together, one tree at a time.</summary>
    public const int BlockRows = 256;

    private readonly Node[] nodes;
    private readonly uint[] bitsets;
    private readonly double[] leafValues;
    private readonly Tree[] trees;
    private readonly double bias;
    private readonly OneHotBlocks blocks;
    private readonly int[] columnOfSlot;

    private CompiledTreeEnsemble(Builder built, Tree[] trees, double bias, int featureCount)
    {
        nodes = [.. built.Nodes];
        bitsets = [.. built.Bitsets];
        leafValues = [.. built.LeafValues];
        blocks = built.Blocks;
        columnOfSlot = built.ColumnOfSlot;
        this.trees = trees;
        this.bias = bias;
        FeatureCount = featureCount;
        // At least one value: a leaf node reads column 0 (and ignores it).
        RowWidth = Math.Max(1, built.RowWidth);
    }

    /// <summary>The length of the feature vector the trees read.</summary>
    public int FeatureCount { get; }

    /// <summary>The length of a compiled row: one code per one-hot block, then the numeric features some split reads.</summary>
    public int RowWidth { get; }

    /// <summary>How many trees were compiled.</summary>
    public int TreeCount => trees.Length;

    /// <summary>Flattens <paramref name="ensemble"/>, or returns null for a shape it does not handle (left to ML.NET).</summary>
    /// <param name="ensemble">The trained trees.</param>
    /// <param name="featureCount">The length of the feature vector.</param>
    /// <param name="oneHotBlocks">The vector's one-hot slot ranges (ML.NET's <c>CategoricalSlotRanges</c> annotation), which categorical splits test.</param>
    public static CompiledTreeEnsemble? TryCompile(RegressionTreeEnsemble ensemble, int featureCount, IReadOnlyList<(int Start, int End)> oneHotBlocks)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(oneHotBlocks);
        var builder = new Builder(new OneHotBlocks(oneHotBlocks, featureCount), featureCount);
        // ML.NET's accessors build their lists on every call: read each once.
        var trees = ensemble.Trees;
        var weights = ensemble.TreeWeights;
        var compiled = new Tree[trees.Count];
        for (var t = 0; t < compiled.Length; t++)
        {
            if (builder.Add(trees[t], weights[t]) is not { } tree)
            {
                return null;
            }

            compiled[t] = tree;
        }

        return new CompiledTreeEnsemble(builder, compiled, ensemble.Bias, featureCount);
    }

    /// <summary>
    /// Writes one featurized row (dense or sparse, <see cref="FeatureCount"/> long) as a compiled row of
    /// <see cref="RowWidth"/> values. Returns false when the trees cannot score it exactly as ML.NET would (a NaN
    /// feature, whose per-node default ML.NET does not expose, or two hot slots in one one-hot block).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool WriteRow(in VBuffer<float> row, Span<float> destination)
    {
        if (row.Length != FeatureCount || destination.Length != RowWidth)
        {
            throw new ArgumentException($"Expected {FeatureCount} features into {RowWidth} values, got {row.Length} into {destination.Length}.", nameof(row));
        }

        // Absent slots of a sparse row are zeros: no hot slot (code 0), numeric value 0.
        destination.Clear();
        var values = row.GetValues();
        var indices = row.IsDense ? default : row.GetIndices();
        for (var i = 0; i < values.Length; i++)
        {
            var slot = row.IsDense ? i : indices[i];
            if (!WriteSlot(slot, values[i], destination))
            {
                return false;
            }
        }

        return true;
    }

    private bool WriteSlot(int slot, float value, Span<float> destination)
    {
        if (float.IsNaN(value))
        {
            return false;
        }

        if (columnOfSlot[slot] is var column && column >= 0)
        {
            destination[column] = value;
        }

        // ML.NET's categorical split counts a slot as set when its value is above zero.
        if (blocks.BlockOfSlot[slot] is var block && block >= 0 && value > 0)
        {
            if (BitConverter.SingleToInt32Bits(destination[block]) != 0)
            {
                return false;
            }

            destination[block] = BitConverter.Int32BitsToSingle(slot - blocks.Start(block) + 1);
        }

        return true;
    }

    /// <summary>The ensemble's output for one compiled row (see <see cref="WriteRow"/>): a request's path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float Score(ReadOnlySpan<float> row)
    {
        if (row.Length != RowWidth)
        {
            throw new ArgumentException($"Expected a row of {RowWidth} values, got {row.Length}.", nameof(row));
        }

        ref var values = ref MemoryMarshal.GetReference(row);
        ref var nodesStart = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var bitsetsStart = ref MemoryMarshal.GetArrayDataReference(bitsets);
        var sum = bias;
        foreach (var tree in trees)
        {
            var node = tree.Root;
            while (node < tree.FirstLeaf)
            {
                node = Step(ref nodesStart, ref bitsetsStart, ref values, node);
            }

            sum += leafValues[node];
        }

        return (float)sum;
    }

    /// <summary>Scores compiled rows stored one after another (<see cref="RowWidth"/> values each).</summary>
    public void ScoreRows(ReadOnlySpan<float> rows, Span<float> output)
    {
        if (rows.Length != output.Length * RowWidth)
        {
            throw new ArgumentException($"Expected {output.Length} rows of {RowWidth} values, got {rows.Length} values.", nameof(rows));
        }

        Span<double> sums = stackalloc double[BlockRows];
        for (var start = 0; start < output.Length; start += BlockRows)
        {
            var count = Math.Min(BlockRows, output.Length - start);
            ScoreBlock(rows.Slice(start * RowWidth, count * RowWidth), sums[..count]);
            for (var r = 0; r < count; r++)
            {
                output[start + r] = (float)sums[r];
            }
        }
    }

    // Optimized from the first call: a month is scored in one call, and tiered compilation would run most of it as
    // unoptimized code with nothing inlined (measured: 125 µs a row instead of 30 on the first month).
    // Four walks at once: independent chains of dependent loads that the CPU overlaps where one walk alone would
    // wait on every load. The steps are branch-free (see Step) and the loop tests all four walks with one sign
    // check, so the only branch left is "are all four in their leaves": before, a select per step compiled into
    // jumps that mispredicted half the time (measured, 300 × 128-leaf LightGBM on green 2021-02: 41 → 20-22 µs a
    // row). A block shorter than four rows repeats its last row, unsummed. (Walking every row of a block one level
    // at a time, to the tree's full depth, was slower: 55-60 µs, the deepest leaf being twice the mean depth.)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScoreBlock(ReadOnlySpan<float> block, Span<double> sums)
    {
        var width = RowWidth;
        ref var first = ref MemoryMarshal.GetReference(block);
        ref var nodesStart = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var bitsetsStart = ref MemoryMarshal.GetArrayDataReference(bitsets);
        sums.Fill(bias);
        foreach (var tree in trees)
        {
            var count = sums.Length;
            for (var r = 0; r < count; r += 4)
            {
                ref var row0 = ref Unsafe.Add(ref first, width * r);
                ref var row1 = ref Unsafe.Add(ref first, width * Math.Min(r + 1, count - 1));
                ref var row2 = ref Unsafe.Add(ref first, width * Math.Min(r + 2, count - 1));
                ref var row3 = ref Unsafe.Add(ref first, width * Math.Min(r + 3, count - 1));
                int n0 = tree.Root, n1 = tree.Root, n2 = tree.Root, n3 = tree.Root;
                var firstLeaf = tree.FirstLeaf;
                while (((n0 - firstLeaf) | (n1 - firstLeaf) | (n2 - firstLeaf) | (n3 - firstLeaf)) < 0)
                {
                    n0 = Step(ref nodesStart, ref bitsetsStart, ref row0, n0);
                    n1 = Step(ref nodesStart, ref bitsetsStart, ref row1, n1);
                    n2 = Step(ref nodesStart, ref bitsetsStart, ref row2, n2);
                    n3 = Step(ref nodesStart, ref bitsetsStart, ref row3, n3);
                }

                sums[r] += leafValues[n0];
                for (var extra = 1; extra < 4 && r + extra < count; extra++)
                {
                    sums[r + extra] += leafValues[extra == 1 ? n1 : extra == 2 ? n2 : n3];
                }
            }
        }
    }

    // One move down a tree, with no branch: which child comes next is as unpredictable as a coin toss. Every index was
    // checked when the trees were compiled (columns inside the row, children and bitsets inside their arrays), so
    // the reads skip bounds checks. A numeric node goes right when the value is above its threshold; a categorical
    // node when the block's code has its bit set. Each kind of node makes the other test answer "left": a
    // categorical node's threshold is +∞, and a numeric node masks its code to 0 and reads bitset word 0, which is
    // always zero. So the two answers are simply OR-ed.
    // The arrays come in as references the caller took once: read through `this`, the JIT reloads them every step.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, ref uint bitsets, ref float row, int index)
    {
        ref readonly var node = ref Unsafe.Add(ref nodes, index);
        var x = Unsafe.Add(ref row, node.Column);
        var numericRight = x > node.Threshold ? 1 : 0;
        // Codes are stored as the bits of an int, not a converted number: reading them back costs nothing.
        var code = BitConverter.SingleToInt32Bits(x) & node.CodeMask;
        var word = Unsafe.Add(ref bitsets, node.Bitset + (code >> 5));
        var right = numericRight | (int)((word >> (code & 31)) & 1);
        return Unsafe.Add(ref Unsafe.AsRef(in node.Left), right);
    }

    // One node in one struct (24 bytes): a step touches one cache line, not one per field. Right must follow Left:
    // a step reads the child at Left + 0 or Left + 1.
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Node(int column, float threshold, int bitset, int codeMask, int left, int right)
    {
        public readonly int Column = column;
        public readonly float Threshold = threshold;

        /// <summary>Where the node's bitset starts in the shared words; 0 (the always-zero word) for numeric nodes.</summary>
        public readonly int Bitset = bitset;

        /// <summary>All ones for a categorical node, so its code is tested; 0 for a numeric node (code 0, never set).</summary>
        public readonly int CodeMask = codeMask;
        public readonly int Left = left;
        public readonly int Right = right;
    }

    private readonly record struct Tree(int Root, int FirstLeaf);

    /// <summary>Appends trees to the shared arrays: a tree's internal nodes, then one self-looping node per leaf.</summary>
    private sealed class Builder(OneHotBlocks blocks, int featureCount)
    {
        public List<Node> Nodes { get; } = [];

        /// <summary>The bitsets of categorical splits, after word 0: always zero, what numeric nodes read.</summary>
        public List<uint> Bitsets { get; } = [0];

        public List<double> LeafValues { get; } = [];

        public OneHotBlocks Blocks => blocks;

        /// <summary>For each slot of the vector, its column in a compiled row when a numeric split reads it, else −1.</summary>
        public int[] ColumnOfSlot { get; } = Enumerable.Repeat(-1, featureCount).ToArray();

        public int RowWidth { get; private set; } = blocks.Count;

        public Tree? Add(RegressionTreeBase tree, double weight)
        {
            var first = Nodes.Count;
            var firstLeaf = first + tree.NumberOfNodes;
            int Node(int child) => child >= 0 ? first + child : firstLeaf + ~child;
            var (lefts, rights, categorical) = (tree.LeftChild, tree.RightChild, tree.CategoricalSplitFlags);
            var (splitFeatures, splitThresholds, leafValues) = (tree.NumericalSplitFeatureIndexes, tree.NumericalSplitThresholds, tree.LeafValues);
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                var (left, right) = (Node(lefts[n]), Node(rights[n]));
                if (categorical[n])
                {
                    var range = tree.GetCategoricalCategoricalSplitFeatureRangeAt(n);
                    if (blocks.Find(range[0], range[1]) is not { } block || !AppendCategorical(block, tree.GetCategoricalSplitFeaturesAt(n), left, right))
                    {
                        return null;
                    }
                }
                else if (splitFeatures[n] is var feature && feature >= 0 && feature < featureCount)
                {
                    AppendSplit(new Node(Column(feature), splitThresholds[n], bitset: 0, codeMask: 0, left, right));
                }
                else
                {
                    return null;
                }
            }

            for (var leaf = 0; leaf < tree.NumberOfLeaves; leaf++)
            {
                // Threshold +∞ on column 0 (the row always has one: a block code or a numeric): every value goes
                // "left", back to the leaf itself.
                var self = firstLeaf + leaf;
                Nodes.Add(new Node(0, float.PositiveInfinity, bitset: 0, codeMask: 0, self, self));
                LeafValues.Add(leafValues[leaf] * weight);
            }

            // A tree of one leaf has no nodes: its root is that leaf.
            return new Tree(tree.NumberOfNodes == 0 ? firstLeaf : first, firstLeaf);
        }

        // A bit per code of the block (code = hot slot's offset + 1; bit 0, "no hot slot", stays clear): set for the
        // slots that send a row right.
        private bool AppendCategorical(int block, IReadOnlyList<int> slots, int left, int right)
        {
            var bitsetStart = Bitsets.Count;
            var start = blocks.Start(block);
            var words = new uint[(blocks.Length(block) / 32) + 1];
            foreach (var slot in slots)
            {
                if (slot < start || slot - start >= blocks.Length(block))
                {
                    return false;
                }

                var code = slot - start + 1;
                words[code >> 5] |= 1u << (code & 31);
            }

            Bitsets.AddRange(words);
            // Threshold +∞: the numeric test of a categorical node always answers "left" (see Step).
            AppendSplit(new Node(block, float.PositiveInfinity, bitsetStart, codeMask: -1, left, right));
            return true;
        }

        // Numeric features get columns after the block codes, in the order splits first read them.
        private int Column(int slot)
        {
            if (ColumnOfSlot[slot] < 0)
            {
                ColumnOfSlot[slot] = RowWidth++;
            }

            return ColumnOfSlot[slot];
        }

        private void AppendSplit(Node node)
        {
            Nodes.Add(node);
            LeafValues.Add(0);
        }
    }
}
