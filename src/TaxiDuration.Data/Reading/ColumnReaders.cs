using System.Buffers;
using System.Numerics;
using Parquet.Schema;
using Parquet;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>
/// Reads one column of a row group into the CLR type <see cref="TripRecord"/> uses, whatever physical type the
/// file chose. Parquet.Net reads a column's present values densely, with a definition level per row saying which
/// rows have one; the values are then spread to their rows, widened on the way when the file's type is not the
/// target's (a tight generic loop, so unboxed and JIT-specialised).
/// </summary>
internal static class ColumnReaders
{
    public static bool IsNumberType(Type type) => Type.GetTypeCode(type) is
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal or
        TypeCode.Int64 or TypeCode.Int32 or TypeCode.Int16 or TypeCode.SByte or
        TypeCode.UInt64 or TypeCode.UInt32 or TypeCode.UInt16 or TypeCode.Byte;

    // Parquet.Net 6 reads every timestamp as DateTime (it dropped DateTimeOffset).
    public static bool IsTimestampType(Type type) => type == typeof(DateTime);

    /// <summary>Any numeric column as doubles.</summary>
    public static ValueTask ReadDoublesAsync(ParquetRowGroupReader group, DataField field, PooledColumn<double> target, CancellationToken ct) =>
        Type.GetTypeCode(field.ClrType) switch
        {
            TypeCode.Double => ReadAsync(group, field, target, ct),
            TypeCode.Single => ReadWidenedAsync<float, double, ToDouble<float>>(group, field, target, ct),
            TypeCode.Decimal => ReadWidenedAsync<decimal, double, ToDouble<decimal>>(group, field, target, ct),
            TypeCode.Int64 => ReadWidenedAsync<long, double, ToDouble<long>>(group, field, target, ct),
            TypeCode.Int32 => ReadWidenedAsync<int, double, ToDouble<int>>(group, field, target, ct),
            TypeCode.Int16 => ReadWidenedAsync<short, double, ToDouble<short>>(group, field, target, ct),
            TypeCode.SByte => ReadWidenedAsync<sbyte, double, ToDouble<sbyte>>(group, field, target, ct),
            TypeCode.UInt64 => ReadWidenedAsync<ulong, double, ToDouble<ulong>>(group, field, target, ct),
            TypeCode.UInt32 => ReadWidenedAsync<uint, double, ToDouble<uint>>(group, field, target, ct),
            TypeCode.UInt16 => ReadWidenedAsync<ushort, double, ToDouble<ushort>>(group, field, target, ct),
            TypeCode.Byte => ReadWidenedAsync<byte, double, ToDouble<byte>>(group, field, target, ct),
            _ => throw Unsupported(field),
        };

    /// <summary>
    /// Any numeric column as int IDs. A value that is not a whole number (NaN, 43.5) becomes null; a whole number
    /// outside the int range saturates, so it still reads as an out-of-range ID rather than vanishing.
    /// </summary>
    public static ValueTask ReadIdsAsync(ParquetRowGroupReader group, DataField field, PooledColumn<int> target, CancellationToken ct) =>
        Type.GetTypeCode(field.ClrType) switch
        {
            TypeCode.Int32 => ReadAsync(group, field, target, ct),
            TypeCode.Int64 => ReadWidenedAsync<long, int, ToId<long>>(group, field, target, ct),
            TypeCode.Double => ReadWidenedAsync<double, int, ToId<double>>(group, field, target, ct),
            TypeCode.Single => ReadWidenedAsync<float, int, ToId<float>>(group, field, target, ct),
            TypeCode.Decimal => ReadWidenedAsync<decimal, int, ToId<decimal>>(group, field, target, ct),
            TypeCode.Int16 => ReadWidenedAsync<short, int, ToId<short>>(group, field, target, ct),
            TypeCode.SByte => ReadWidenedAsync<sbyte, int, ToId<sbyte>>(group, field, target, ct),
            TypeCode.UInt64 => ReadWidenedAsync<ulong, int, ToId<ulong>>(group, field, target, ct),
            TypeCode.UInt32 => ReadWidenedAsync<uint, int, ToId<uint>>(group, field, target, ct),
            TypeCode.UInt16 => ReadWidenedAsync<ushort, int, ToId<ushort>>(group, field, target, ct),
            TypeCode.Byte => ReadWidenedAsync<byte, int, ToId<byte>>(group, field, target, ct),
            _ => throw Unsupported(field),
        };

    /// <summary>
    /// A timestamp column as naive New York local times (<see cref="DateTimeKind.Unspecified"/>). TLC writes naive
    /// local times, which are kept as written; a column marked UTC-adjusted is converted to New York time.
    /// </summary>
    public static async ValueTask ReadTimestampsAsync(ParquetRowGroupReader group, DataField field, PooledColumn<DateTime> target, CancellationToken ct)
    {
        if (!IsTimestampType(field.ClrType))
        {
            throw Unsupported(field);
        }

        await ReadAsync(group, field, target, ct);
        // Parquet.Net labels naive values Kind=Local without shifting them; only the label is wrong.
        MakeNaive(target.Values.Span, target.Present.Span, utc: field is DateTimeDataField { IsAdjustedToUTC: true });
    }

    private static void MakeNaive(Span<DateTime> values, ReadOnlySpan<bool> present, bool utc)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (present[i])
            {
                values[i] = utc ? NycTime.FromUtc(values[i]) : DateTime.SpecifyKind(values[i], DateTimeKind.Unspecified);
            }
        }
    }

    // The file's type is the target's: the present values are read into the target and moved to their rows in place.
    private static async ValueTask ReadAsync<T>(ParquetRowGroupReader group, DataField field, PooledColumn<T> target, CancellationToken ct)
        where T : struct
    {
        var rows = target.Values.Length;
        var levels = field.IsNullable ? ArrayPool<int>.Shared.Rent(rows) : null;
        try
        {
            await group.ReadRawAsync(field, target.Values, levels?.AsMemory(0, rows), null, ct);
            if (levels is null)
            {
                target.Present.Span.Fill(true);
                return;
            }

            SpreadInPlace(target.Values.Span, target.Present.Span, levels.AsSpan(0, rows), field.MaxDefinitionLevel);
        }
        finally
        {
            // Stryker disable once Statement : equivalent, a buffer not returned only costs the pool a reuse.
            Return(levels);
        }
    }

    // The file's type is narrower or other: the present values are read into a pooled buffer of that type, then
    // widened into their rows of the target.
    private static async ValueTask ReadWidenedAsync<TSource, TTarget, TWiden>(
        ParquetRowGroupReader group, DataField field, PooledColumn<TTarget> target, CancellationToken ct)
        where TSource : struct
        where TTarget : struct
        where TWiden : IWiden<TSource, TTarget>
    {
        var rows = target.Values.Length;
        var source = ArrayPool<TSource>.Shared.Rent(rows);
        var levels = field.IsNullable ? ArrayPool<int>.Shared.Rent(rows) : null;
        try
        {
            await group.ReadRawAsync(field, source.AsMemory(0, rows), levels?.AsMemory(0, rows), null, ct);
            Widen<TSource, TTarget, TWiden>(source, target.Values.Span, target.Present.Span, levels is null ? default : levels.AsSpan(0, rows), field.MaxDefinitionLevel);
        }
        finally
        {
            // Stryker disable once Statement : equivalent, a buffer not returned only costs the pool a reuse.
            ArrayPool<TSource>.Shared.Return(source);
            // Stryker disable once Statement : equivalent, a buffer not returned only costs the pool a reuse.
            Return(levels);
        }
    }

    /// <summary>
    /// Moves the dense present values at the front of <paramref name="values"/> to the rows whose definition level
    /// says they have one, back to front so no value is overwritten before it moves; other rows get default.
    /// </summary>
    internal static void SpreadInPlace<T>(Span<T> values, Span<bool> present, ReadOnlySpan<int> levels, int defined)
        where T : struct
    {
        var next = levels.Count(defined) - 1;
        for (var row = values.Length - 1; row >= 0; row--)
        {
            var has = levels[row] == defined;
            present[row] = has;
            values[row] = has ? values[next--] : default;
        }
    }

    /// <summary>Widens the dense present values of <paramref name="source"/> into their rows (every row when there are no levels: a required column).</summary>
    internal static void Widen<TSource, TTarget, TWiden>(ReadOnlySpan<TSource> source, Span<TTarget> values, Span<bool> present, ReadOnlySpan<int> levels, int defined)
        where TSource : struct
        where TTarget : struct
        where TWiden : IWiden<TSource, TTarget>
    {
        var next = 0;
        for (var row = 0; row < values.Length; row++)
        {
            var has = levels.IsEmpty || levels[row] == defined;
            TTarget value = default;
            present[row] = has && TWiden.TryWiden(source[next++], out value);
            values[row] = value;
        }
    }

    // Stryker disable all : equivalent, a buffer not returned only costs the pool a reuse.
    private static void Return(int[]? levels)
    {
        if (levels is not null)
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    // Stryker restore all

    // TlcSchema rejects these types up front, naming the file; reaching here is a bug, wrapped by the reader.
    private static NotSupportedException Unsupported(DataField field) =>
        new($"column '{field.Name}' has unsupported type {field.ClrType.Name}");

    /// <summary>How one value of a file's type becomes the target's; false makes the row null.</summary>
    internal interface IWiden<TSource, TTarget>
    {
        static abstract bool TryWiden(TSource value, out TTarget widened);
    }

    private readonly struct ToDouble<T> : IWiden<T, double>
        where T : struct, INumberBase<T>
    {
        public static bool TryWiden(T value, out double widened)
        {
            widened = double.CreateTruncating(value);
            return true;
        }
    }

    private readonly struct ToId<T> : IWiden<T, int>
        where T : struct, INumberBase<T>
    {
        public static bool TryWiden(T value, out int widened)
        {
            widened = T.IsInteger(value) ? int.CreateSaturating(value) : 0;
            return T.IsInteger(value);
        }
    }
}
