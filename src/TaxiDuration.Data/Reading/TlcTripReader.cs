using System.Buffers;
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
    /// <remarks>
    /// Reads one group ahead: group k + 1 is decoded on the thread pool while the caller works on group k (validating
    /// and featurizing a group takes about as long as decoding it), so a many-group month costs about the longer of
    /// the two per group, not their sum. At most two groups' records are alive, and the file serves one read at a time.
    /// </remarks>
    public async IAsyncEnumerable<TripRecord[]> ReadRowGroupsAsync(string path, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var file = await TlcFile.OpenAsync(path, ct);
        Task<TripRecord[]>? ahead = null;
        try
        {
            for (var index = 0; index < file.RowGroupCount; index++)
            {
                var records = ahead is null ? await file.ReadRowGroupAsync(index, ct) : await ahead;
                var next = index + 1;
                ahead = next < file.RowGroupCount ? Task.Run(() => file.ReadRowGroupAsync(next, ct).AsTask(), ct) : null;
                yield return records;
            }
        }
        finally
        {
            // A caller that stops early must not close the file under a read still running; that read's own
            // outcome no longer matters to anyone.
            if (ahead is not null)
            {
                await ((Task)ahead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

        /// <summary>
        /// Fills <paramref name="destination"/> with row group <paramref name="index"/> in three passes (timestamps,
        /// zone IDs, numbers), so besides the records themselves at most four pooled column buffers are alive.
        /// </summary>
        public async ValueTask ReadRowGroupAsync(int index, Memory<TripRecord> destination, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var group = Reader.OpenRowGroupReader(index);
            var rows = destination.Length;
            // Stryker disable once String : equivalent, every statement in the try that can fail sets the column first.
            var column = "";
            DateTime?[]? pickups = null, dropoffs = null;
            int?[]? origins = null, destinations = null;
            double?[]? distances = null, passengers = null, fares = null, totals = null;
            try
            {
                pickups = ArrayPool<DateTime?>.Shared.Rent(rows);
                dropoffs = ArrayPool<DateTime?>.Shared.Rent(rows);
                column = Schema.Pickup.Name;
                await ColumnReaders.ReadTimestampsAsync(group, Schema.Pickup, pickups.AsMemory(0, rows), ct);
                column = Schema.Dropoff.Name;
                await ColumnReaders.ReadTimestampsAsync(group, Schema.Dropoff, dropoffs.AsMemory(0, rows), ct);
                SetTimes(destination.Span, pickups, dropoffs);
                // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
                Return(ref pickups);
                // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
                Return(ref dropoffs);

                origins = ArrayPool<int?>.Shared.Rent(rows);
                destinations = ArrayPool<int?>.Shared.Rent(rows);
                column = Schema.PickupLocation.Name;
                await ColumnReaders.ReadIdsAsync(group, Schema.PickupLocation, origins.AsMemory(0, rows), ct);
                column = Schema.DropoffLocation.Name;
                await ColumnReaders.ReadIdsAsync(group, Schema.DropoffLocation, destinations.AsMemory(0, rows), ct);
                SetZones(destination.Span, origins, destinations);
                // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
                Return(ref origins);
                // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
                Return(ref destinations);

                column = Schema.TripDistance.Name;
                distances = await ReadNumbersAsync(group, Schema.TripDistance, rows, ct);
                column = Schema.PassengerCount?.Name ?? "";
                passengers = await ReadNumbersAsync(group, Schema.PassengerCount, rows, ct);
                column = Schema.FareAmount?.Name ?? "";
                fares = await ReadNumbersAsync(group, Schema.FareAmount, rows, ct);
                column = Schema.TotalAmount?.Name ?? "";
                totals = await ReadNumbersAsync(group, Schema.TotalAmount, rows, ct);
                SetNumbers(destination.Span, distances!, passengers, fares, totals);
            }
            catch (Exception error) when (error is not OperationCanceledException and not TlcDataException)
            {
                throw new TlcDataException(_path, $"cannot read column '{column}' of row group {index} ({error.Message})", error);
            }
            finally
            {
                // Stryker disable Statement : equivalent, a buffer not returned only costs the pool a reuse.
                Return(ref pickups);
                Return(ref dropoffs);
                Return(ref origins);
                Return(ref destinations);
                Return(ref distances);
                Return(ref passengers);
                Return(ref fares);
                Return(ref totals);
                // Stryker restore Statement
            }
        }

        // Null field: the file lacks this optional column, so every record keeps null there.
        private static async ValueTask<double?[]?> ReadNumbersAsync(ParquetRowGroupReader group, DataField? field, int rows, CancellationToken ct)
        {
            if (field is null)
            {
                return null;
            }

            var buffer = ArrayPool<double?>.Shared.Rent(rows);
            try
            {
                await ColumnReaders.ReadDoublesAsync(group, field, buffer.AsMemory(0, rows), ct);
                return buffer;
            }
            catch
            {
                // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
                ArrayPool<double?>.Shared.Return(buffer);
                throw;
            }
        }

        private static void SetTimes(Span<TripRecord> records, DateTime?[] pickups, DateTime?[] dropoffs)
        {
            for (var i = 0; i < records.Length; i++)
            {
                records[i] = new TripRecord(pickups[i], dropoffs[i], null, null, null, null, null, null);
            }
        }

        private static void SetZones(Span<TripRecord> records, int?[] origins, int?[] destinations)
        {
            for (var i = 0; i < records.Length; i++)
            {
                ref var record = ref records[i];
                record = record with { PickupLocationId = origins[i], DropoffLocationId = destinations[i] };
            }
        }

        private static void SetNumbers(Span<TripRecord> records, double?[] distances, double?[]? passengers, double?[]? fares, double?[]? totals)
        {
            for (var i = 0; i < records.Length; i++)
            {
                ref var record = ref records[i];
                record = record with
                {
                    TripDistance = distances[i],
                    PassengerCount = passengers?[i],
                    FareAmount = fares?[i],
                    TotalAmount = totals?[i],
                };
            }
        }

        private static void Return<T>(ref T[]? buffer)
        {
            if (buffer is not null)
            {
                // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
                ArrayPool<T>.Shared.Return(buffer);
                buffer = null;
            }
        }

        public ValueTask DisposeAsync() => Reader.DisposeAsync();

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
