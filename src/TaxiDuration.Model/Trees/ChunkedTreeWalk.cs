namespace TaxiDuration.Model.Trees;

/// <summary>
/// Compiled rows in, scores out, a chunk at a time: the caller writes rows (<see cref="NextRow"/>) while the thread
/// pool walks the chunks already written. Featurizing is ML.NET's single cursor, but walking the trees is most of a
/// month's cost and every chunk is independent, so on two cores a month takes about half the time it takes on one.
/// With one degree of parallelism every chunk is walked on the caller's thread in one reused buffer, as a
/// thread-CPU-time measurement needs (it would miss work done on other threads).
/// </summary>
internal sealed class ChunkedTreeWalk
{
    /// <summary>
    /// Rows per chunk: enough blocks to be worth a pool hand-off, and few enough that a chunk's buffer (a few tens of
    /// kilobytes) stays off the large object heap, where a month's worth of short-lived buffers would cost gen-2 collections.
    /// </summary>
    public const int ChunkRows = CompiledTreeEnsemble.BlockRows * 8;

    private readonly CompiledTreeEnsemble trees;
    private readonly float[] output;
    private readonly int maxInFlight;
    private readonly Queue<(Task Walk, float[] Rows)> inFlight = new();
    private float[] current;
    private int buffered;

    /// <param name="trees">The ensemble that scores the rows.</param>
    /// <param name="output">Receives one score per row, in the order rows were written.</param>
    /// <param name="maxDegreeOfParallelism">Chunks walked at once on the pool; 1 walks each on the caller's thread, −1 uses every core.</param>
    public ChunkedTreeWalk(CompiledTreeEnsemble trees, float[] output, int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfZero(maxDegreeOfParallelism);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, -1);
        this.trees = trees;
        this.output = output;
        maxInFlight = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        current = NewChunk();
    }

    /// <summary>Rows written so far: the index the next row will have.</summary>
    public int RowsWritten { get; private set; }

    /// <summary>Room for the next compiled row (<see cref="CompiledTreeEnsemble.RowWidth"/> values).</summary>
    public Span<float> NextRow()
    {
        if (buffered == ChunkRows)
        {
            Dispatch();
        }

        var row = current.AsSpan(buffered * trees.RowWidth, trees.RowWidth);
        buffered++;
        RowsWritten++;
        return row;
    }

    /// <summary>Walks the last chunk and waits for every chunk still being walked; the output is complete after it.</summary>
    public void Complete()
    {
        Dispatch();
        while (inFlight.TryDequeue(out var walk))
        {
            walk.Walk.GetAwaiter().GetResult();
        }
    }

    private void Dispatch()
    {
        if (buffered == 0)
        {
            return;
        }

        var (rows, firstRow, count) = (current, RowsWritten - buffered, buffered);
        buffered = 0;
        if (maxInFlight == 1)
        {
            Walk(rows, firstRow, count);
            return;
        }

        inFlight.Enqueue((Task.Run(() => Walk(rows, firstRow, count)), rows));
        // At most maxInFlight chunks walk at once; the oldest one's buffer takes the next rows once it is done.
        current = inFlight.Count < maxInFlight ? NewChunk() : Reclaim(inFlight.Dequeue());
    }

    private void Walk(float[] rows, int firstRow, int count) =>
        trees.ScoreRows(rows.AsSpan(0, count * trees.RowWidth), output.AsSpan(firstRow, count));

    private static float[] Reclaim((Task Walk, float[] Rows) done)
    {
        done.Walk.GetAwaiter().GetResult();
        return done.Rows;
    }

    private float[] NewChunk() => new float[ChunkRows * trees.RowWidth];
}
