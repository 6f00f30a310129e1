using System.Runtime.CompilerServices;
using System.Text;
using Parquet.Schema;
using Parquet;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>
/// Reads NYC TLC green or yellow trip-record Parquet files of any schema variant (see <see cref="TlcSchemaVariant"/>)
/// into <see cref="TripRecord"/>s. Only the eight columns a record holds are decoded; each is widened from the
/// file's own type. Every failure to read a file surfaces as a <see cref="TlcDataException"/> naming the file.
/// </summary>
/// <remarks>Stateless and thread-safe: one instance can serve every caller.</remarks>
public sealed class TlcTripReader : ITripReader
{
    /// <inheritdoc />
    /// <remarks>Each group is written into records on the read-ahead thread (see <see cref="ReadColumnsAsync"/>).</remarks>
    public IAsyncEnumerable<TripRecord[]> ReadRowGroupsAsync(string path, CancellationToken ct = default) =>
        ReadAheadAsync(path, static (file, index, ct) => file.ReadRowGroupAsync(index, ct).AsTask(), static _ => { }, ct);

    /// <inheritdoc />
    /// <remarks>
    /// Reads one group ahead: group k + 1 is decoded on the thread pool while the caller works on group k (validating
    /// and featurizing a group takes about as long as decoding it), so a many-group month costs about the longer of
    /// the two per group, not their sum. Two groups' buffers are in use at a time, lent from a pool and taken back
    /// when the caller asks for the next group; the file serves one read at a time.
    /// </remarks>
    public async IAsyncEnumerable<TripColumns> ReadColumnsAsync(string path, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var group in ReadAheadAsync(path, static (file, index, ct) => file.ReadColumnsAsync(index, ct), static group => group.Dispose(), ct))
        {
            yield return group.Trips;
        }
    }

    // Yields each group as read reads it, the next one already reading; done releases a group once the caller moves on.
    private static async IAsyncEnumerable<T> ReadAheadAsync<T>(
        string path, Func<TlcFile, int, CancellationToken, Task<T>> read, Action<T> done, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var file = await TlcFile.OpenAsync(path, ct);
        Task<T>? ahead = null;
        try
        {
            for (var index = 0; index < file.RowGroupCount; index++)
            {
                var group = ahead is null ? await read(file, index, ct) : await ahead;
                var next = index + 1;
                ahead = next < file.RowGroupCount ? Task.Run(() => read(file, next, ct), ct) : null;
                try
                {
                    yield return group;
                }
                finally
                {
                    // Stryker disable once Statement : equivalent, a group not released only costs the pool a reuse.
                    done(group);
                }
            }
        }
        finally
        {
            // A caller that stops early must not close the file under a read still running; that read's own
            // outcome no longer matters to anyone, but what it read goes back.
            if (ahead is not null)
            {
                await ((Task)ahead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                // Stryker disable once all : equivalent, a group not released only costs the pool a reuse.
                if (ahead.IsCompletedSuccessfully)
                {
                    done(ahead.Result);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<TripRecord[]> ReadAllAsync(string path, CancellationToken ct = default)
    {
        await using var file = await TlcFile.OpenAsync(path, ct);
        var total = 0L;
        for (var index = 0; index < file.RowGroupCount; index++)
        {
            total += file.RowGroupRows(index);
        }

        if (total > Array.MaxLength)
        {
            throw new TlcDataException(path, $"has {total:N0} rows, more than one array can hold; read it with {nameof(ReadRowGroupsAsync)}");
        }

        var records = new TripRecord[total];
        var offset = 0;
        for (var index = 0; index < file.RowGroupCount; index++)
        {
            var rows = file.RowGroupRows(index);
            await file.ReadRowGroupAsync(index, records.AsMemory(offset, rows), ct);
            offset += rows;
        }

        return records;
    }

    /// <summary>Describes the file from its footer (service, schema variant, row count) without reading any column data.</summary>
    public async Task<TlcFileInfo> InspectAsync(string path, CancellationToken ct = default)
    {
        await using var file = await TlcFile.OpenAsync(path, ct);
        var reader = file.Reader;
        var codec = reader.RowGroupCount > 0 ? reader.OpenRowGroupReader(0).GetMetadata(file.Schema.Pickup)?.MetaData?.Codec.ToString().ToUpperInvariant() : null;
        return new TlcFileInfo(
            path,
            file.Schema.Service,
            file.Schema.Variant(reader.Schema),
            reader.Metadata?.NumRows ?? 0,
            reader.RowGroupCount,
            reader.Schema.Fields.Select(field => field.Name).ToArray(),
            file.Schema.MissingOptional,
            codec,
            reader.Metadata?.CreatedBy);
    }

    /// <summary>An open file: the Parquet reader, its resolved columns, and the row-group reading.</summary>
    private sealed class TlcFile : IAsyncDisposable
    {
        private readonly string _path;

        // The second reader of the file, opened at the first row group read: the numbers decode through it.
        private TlcFile? companion;

        private TlcFile(string path, ParquetReader reader, TlcSchema schema)
        {
            _path = path;
            Reader = reader;
            Schema = schema;
        }

        public ParquetReader Reader { get; }

        public TlcSchema Schema { get; }

        public int RowGroupCount => Reader.RowGroupCount;

        public static async Task<TlcFile> OpenAsync(string path, CancellationToken ct)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path);
            ct.ThrowIfCancellationRequested();
            // A missing file stays a FileNotFoundException: that is a path problem, not a data problem.
            // Stryker disable once Bitwise : equivalent, the buffer size changes speed only (0 reads unbuffered).
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            ParquetReader? reader = null;
            try
            {
                CheckFraming(stream, path);
                try
                {
                    reader = await ParquetReader.CreateAsync(stream, parquetOptions: null, leaveStreamOpen: false, ct);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    throw new TlcDataException(path, $"the Parquet footer cannot be read, the file is corrupt ({error.Message})", error);
                }

                return new TlcFile(path, reader, TlcSchema.Resolve(reader.Schema, path));
            }
            catch
            {
                if (reader is not null)
                {
                    // Stryker disable once Statement : equivalent, the reader holds only the stream, which is disposed next.
                    await reader.DisposeAsync();
                }

                await stream.DisposeAsync();
                throw;
            }
        }

        public int RowGroupRows(int index)
        {
            var rows = Reader.RowGroups[index].RowCount;
            return rows is >= 0 and <= int.MaxValue
                ? (int)rows
                : throw new TlcDataException(_path, $"row group {index} claims {rows} rows");
        }

        /// <summary>Row group <paramref name="index"/> as new records.</summary>
        public async ValueTask<TripRecord[]> ReadRowGroupAsync(int index, CancellationToken ct)
        {
            var records = new TripRecord[RowGroupRows(index)];
            await ReadRowGroupAsync(index, records, ct);
            return records;
        }

        /// <summary>Fills <paramref name="destination"/> with row group <paramref name="index"/>, each record written once, whole.</summary>
        public async ValueTask ReadRowGroupAsync(int index, Memory<TripRecord> destination, CancellationToken ct)
        {
            using var columns = await ReadColumnsAsync(index, ct);
            columns.Trips.CopyTo(destination.Span);
        }

        /// <summary>
        /// Row group <paramref name="index"/> in pooled buffers; the caller disposes them. Decoding is most of a read
        /// and the columns are independent, so two halves decode at once: timestamps and zones through this file's
        /// reader, the numbers through a second reader on a stream of its own (a reader reads its stream from one
        /// thread at a time). Measured on a 3 M-row month (docs/benchmarks/scale.md).
        /// </summary>
        public async Task<RowGroupColumns> ReadColumnsAsync(int index, CancellationToken ct)
        {
            // Stryker disable once Statement : equivalent, the reads below refuse a cancelled token too; this refuses it first.
            ct.ThrowIfCancellationRequested();
            companion ??= await OpenAsync(_path, ct);
            var columns = new RowGroupColumns(RowGroupRows(index), Schema.PassengerCount is not null, Schema.FareAmount is not null, Schema.TotalAmount is not null);
            try
            {
                var timesAndZones = Task.Run(() => ReadTimesAndZonesAsync(index, columns, ct), ct);
                var numbers = companion.ReadNumbersAsync(index, columns, ct);
                // Both halves end before the buffers can go back to the pool, failed or not; a failure of the first
                // half wins, as it did when the columns were read in turn.
                await Task.WhenAll(timesAndZones, numbers);
                return columns;
            }
            catch
            {
                // Stryker disable once Statement : equivalent, buffers not returned only cost the pool a reuse.
                columns.Dispose();
                throw;
            }
        }

        private async Task ReadTimesAndZonesAsync(int index, RowGroupColumns columns, CancellationToken ct)
        {
            using var group = Reader.OpenRowGroupReader(index);
            await ReadColumnAsync(index, Schema.Pickup, () => ColumnReaders.ReadTimestampsAsync(group, Schema.Pickup, columns.Pickups, ct));
            await ReadColumnAsync(index, Schema.Dropoff, () => ColumnReaders.ReadTimestampsAsync(group, Schema.Dropoff, columns.Dropoffs, ct));
            await ReadColumnAsync(index, Schema.PickupLocation, () => ColumnReaders.ReadIdsAsync(group, Schema.PickupLocation, columns.Origins, ct));
            await ReadColumnAsync(index, Schema.DropoffLocation, () => ColumnReaders.ReadIdsAsync(group, Schema.DropoffLocation, columns.Destinations, ct));
        }

        private async Task ReadNumbersAsync(int index, RowGroupColumns columns, CancellationToken ct)
        {
            using var group = Reader.OpenRowGroupReader(index);
            await ReadNumbersAsync(group, index, Schema.TripDistance, columns.Distances, ct);
            await ReadNumbersAsync(group, index, Schema.PassengerCount, columns.Passengers, ct);
            await ReadNumbersAsync(group, index, Schema.FareAmount, columns.Fares, ct);
            await ReadNumbersAsync(group, index, Schema.TotalAmount, columns.Totals, ct);
        }

        // Null field: the file lacks this optional column, so it has no buffer and every trip keeps null there.
        // Stryker disable once Logical : equivalent, the field and its buffer are null together (RowGroupColumns is made from the schema).
        private ValueTask ReadNumbersAsync(ParquetRowGroupReader group, int index, DataField? field, PooledColumn<double>? target, CancellationToken ct) =>
            field is null || target is null ? ValueTask.CompletedTask : ReadColumnAsync(index, field, () => ColumnReaders.ReadDoublesAsync(group, field, target, ct));

        private async ValueTask ReadColumnAsync(int index, DataField field, Func<ValueTask> read)
        {
            try
            {
                await read();
            }
            catch (Exception error) when (error is not OperationCanceledException and not TlcDataException)
            {
                throw new TlcDataException(_path, $"cannot read column '{field.Name}' of row group {index} ({error.Message})", error);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Reader.DisposeAsync();
            if (companion is not null)
            {
                await companion.DisposeAsync();
            }
        }

        // Checked before Parquet.Net sees the file, so the common failures (an HTML error page saved as .parquet,
        // an interrupted download) get a precise message instead of a parser exception.
        private static void CheckFraming(FileStream stream, string path)
        {
            if (ParquetFraming.Inspect(stream) is not { } fault)
            {
                return;
            }

            throw new TlcDataException(path, fault.Problem switch
            {
                ParquetFramingProblem.NoStartMagic => $"not a Parquet file: no PAR1 magic at the start{LooksLike(fault.Head)}",
                ParquetFramingProblem.TooShort => $"truncated: {fault.Length} bytes is too short for a Parquet file",
                ParquetFramingProblem.NoEndMagic => $"truncated or incomplete: no PAR1 magic at the end ({fault.Length:N0} bytes; an interrupted download?)",
                _ => $"truncated or corrupt: the footer claims {fault.FooterLength:N0} bytes but the file has {fault.Length:N0}",
            });
        }

        private static string LooksLike(ReadOnlySpan<byte> head)
        {
            var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head.TrimStart(" \t\r\n"u8);
            return !text.IsEmpty && (text[0] == (byte)'<' || text[0] == (byte)'{') ? " (it looks like text: HTML, XML or JSON, e.g. a saved error page)" : "";
        }
    }
}
