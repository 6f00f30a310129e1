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
        ReadNumbersAsync<double, ToDouble>(group, field, target, ct);

    /// <summary>
    /// Any numeric column as int IDs. A value that is not a whole number (NaN, 43.5) becomes null; a whole number
    /// outside the int range saturates, so it still reads as an out-of-range ID rather than vanishing.
    /// </summary>
    public static ValueTask ReadIdsAsync(ParquetRowGroupReader group, DataField field, PooledColumn<int> target, CancellationToken ct) =>
        ReadNumbersAsync<int, ToId>(group, field, target, ct);

    // Read in place when the file's type is the target's, else in the file's own type (Parquet.Net reads only the
    // exact type) and widened.
    private static ValueTask ReadNumbersAsync<TTarget, TWiden>(ParquetRowGroupReader group, DataField field, PooledColumn<TTarget> target, CancellationToken ct)
        where TTarget : struct
        where TWiden : IWiden<TTarget> =>
        field.ClrType == typeof(TTarget) ? ReadAsync(group, field, target, ct) : Type.GetTypeCode(field.ClrType) switch
        {
            TypeCode.Double => ReadWidenedAsync<double, TTarget, TWiden>(group, field, target, ct),
            TypeCode.Single => ReadWidenedAsync<float, TTarget, TWiden>(group, field, target, ct),
            TypeCode.Decimal => ReadWidenedAsync<decimal, TTarget, TWiden>(group, field, target, ct),
            TypeCode.Int64 => ReadWidenedAsync<long, TTarget, TWiden>(group, field, target, ct),
            TypeCode.Int32 => ReadWidenedAsync<int, TTarget, TWiden>(group, field, target, ct),
            TypeCode.Int16 => ReadWidenedAsync<short, TTarget, TWiden>(group, field, target, ct),
            TypeCode.SByte => ReadWidenedAsync<sbyte, TTarget, TWiden>(group, field, target, ct),
            TypeCode.UInt64 => ReadWidenedAsync<ulong, TTarget, TWiden>(group, field, target, ct),
            TypeCode.UInt32 => ReadWidenedAsync<uint, TTarget, TWiden>(group, field, target, ct),
            TypeCode.UInt16 => ReadWidenedAsync<ushort, TTarget, TWiden>(group, field, target, ct),
            TypeCode.Byte => ReadWidenedAsync<byte, TTarget, TWiden>(group, field, target, ct),
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
        where TSource : struct, INumberBase<TSource>
        where TTarget : struct
        where TWiden : IWiden<TTarget>
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
        where TSource : struct, INumberBase<TSource>
        where TTarget : struct
        where TWiden : IWiden<TTarget>
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

    /// <summary>How one value of a file's number type becomes the target's; false makes the row null.</summary>
    internal interface IWiden<TTarget>
    {
        static abstract bool TryWiden<TSource>(TSource value, out TTarget widened)
            where TSource : INumberBase<TSource>;
    }

    private readonly struct ToDouble : IWiden<double>
    {
        public static bool TryWiden<TSource>(TSource value, out double widened)
            where TSource : INumberBase<TSource>
        {
            widened = double.CreateTruncating(value);
            return true;
        }
    }

    private readonly struct ToId : IWiden<int>
    {
        public static bool TryWiden<TSource>(TSource value, out int widened)
            where TSource : INumberBase<TSource>
        {
            widened = TSource.IsInteger(value) ? int.CreateSaturating(value) : 0;
            return TSource.IsInteger(value);
        }
    }
}
