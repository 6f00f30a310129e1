using System.Buffers;
using System.Numerics;
using Parquet.Schema;
using Parquet;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Reading;

/// <summary>
/// Reads one column of a row group into the CLR type <see cref="TripRecord"/> uses, whatever physical type the
/// file chose: the column is read in its own type (Parquet.Net reads only the exact type) into a pooled buffer
/// and widened in a tight, generic (so unboxed, JIT-specialised) loop.
/// </summary>
internal static class ColumnReaders
{
    public static bool IsNumberType(Type type) => Type.GetTypeCode(type) is
        TypeCode.Double or TypeCode.Single or TypeCode.Decimal or
        TypeCode.Int64 or TypeCode.Int32 or TypeCode.Int16 or TypeCode.SByte or
        TypeCode.UInt64 or TypeCode.UInt32 or TypeCode.UInt16 or TypeCode.Byte;

    public static bool IsTimestampType(Type type) => type == typeof(DateTime) || type == typeof(DateTimeOffset);

    /// <summary>Any numeric column as doubles; null stays null.</summary>
    public static ValueTask ReadDoublesAsync(ParquetRowGroupReader group, DataField field, Memory<double?> destination, CancellationToken ct) =>
        Type.GetTypeCode(field.ClrType) switch
        {
            TypeCode.Double => group.ReadAsync(field, destination, null, ct),
            TypeCode.Single => ReadAsDoublesAsync<float>(group, field, destination, ct),
            TypeCode.Decimal => ReadAsDoublesAsync<decimal>(group, field, destination, ct),
            TypeCode.Int64 => ReadAsDoublesAsync<long>(group, field, destination, ct),
            TypeCode.Int32 => ReadAsDoublesAsync<int>(group, field, destination, ct),
            TypeCode.Int16 => ReadAsDoublesAsync<short>(group, field, destination, ct),
            TypeCode.SByte => ReadAsDoublesAsync<sbyte>(group, field, destination, ct),
            TypeCode.UInt64 => ReadAsDoublesAsync<ulong>(group, field, destination, ct),
            TypeCode.UInt32 => ReadAsDoublesAsync<uint>(group, field, destination, ct),
            TypeCode.UInt16 => ReadAsDoublesAsync<ushort>(group, field, destination, ct),
            TypeCode.Byte => ReadAsDoublesAsync<byte>(group, field, destination, ct),
            _ => throw Unsupported(field),
        };

    /// <summary>
    /// Any numeric column as int IDs. A value that is not a whole number (NaN, 43.5) becomes null; a whole number
    /// outside the int range saturates, so it still reads as an out-of-range ID rather than vanishing.
    /// </summary>
    public static ValueTask ReadIdsAsync(ParquetRowGroupReader group, DataField field, Memory<int?> destination, CancellationToken ct) =>
        Type.GetTypeCode(field.ClrType) switch
        {
            TypeCode.Int32 => group.ReadAsync(field, destination, null, ct),
            TypeCode.Int64 => ReadAsIdsAsync<long>(group, field, destination, ct),
            TypeCode.Double => ReadAsIdsAsync<double>(group, field, destination, ct),
            TypeCode.Single => ReadAsIdsAsync<float>(group, field, destination, ct),
            TypeCode.Decimal => ReadAsIdsAsync<decimal>(group, field, destination, ct),
            TypeCode.Int16 => ReadAsIdsAsync<short>(group, field, destination, ct),
            TypeCode.SByte => ReadAsIdsAsync<sbyte>(group, field, destination, ct),
            TypeCode.UInt64 => ReadAsIdsAsync<ulong>(group, field, destination, ct),
            TypeCode.UInt32 => ReadAsIdsAsync<uint>(group, field, destination, ct),
            TypeCode.UInt16 => ReadAsIdsAsync<ushort>(group, field, destination, ct),
            TypeCode.Byte => ReadAsIdsAsync<byte>(group, field, destination, ct),
            _ => throw Unsupported(field),
        };

    /// <summary>
    /// A timestamp column as naive New York local times (<see cref="DateTimeKind.Unspecified"/>). TLC writes naive
    /// local times, which are kept as written; a column marked UTC-adjusted is converted to New York time.
    /// </summary>
    public static async ValueTask ReadTimestampsAsync(ParquetRowGroupReader group, DataField field, Memory<DateTime?> destination, CancellationToken ct)
    {
        if (field.ClrType == typeof(DateTime))
        {
            await group.ReadAsync(field, destination, null, ct);
            // Parquet.Net labels naive values Kind=Local without shifting them; only the label is wrong.
            MakeNaive(destination.Span, utc: field is DateTimeDataField { IsAdjustedToUTC: true });
            return;
        }

        if (field.ClrType != typeof(DateTimeOffset))
        {
            throw Unsupported(field);
        }

        var buffer = ArrayPool<DateTimeOffset?>.Shared.Rent(destination.Length);
        try
        {
            await group.ReadAsync(field, buffer.AsMemory(0, destination.Length), null, ct);
            var target = destination.Span;
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = buffer[i] is { } value ? NycTime.FromUtc(value.UtcDateTime) : null;
            }
        }
        finally
        {
            ArrayPool<DateTimeOffset?>.Shared.Return(buffer);
        }
    }

    private static void MakeNaive(Span<DateTime?> values, bool utc)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                values[i] = utc ? NycTime.FromUtc(value) : DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            }
        }
    }

    private static async ValueTask ReadAsDoublesAsync<T>(ParquetRowGroupReader group, DataField field, Memory<double?> destination, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var buffer = ArrayPool<T?>.Shared.Rent(destination.Length);
        try
        {
            await group.ReadAsync(field, buffer.AsMemory(0, destination.Length), null, ct);
            ToDoubles<T>(buffer.AsSpan(0, destination.Length), destination.Span);
        }
        finally
        {
            // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
            ArrayPool<T?>.Shared.Return(buffer);
        }
    }

    private static async ValueTask ReadAsIdsAsync<T>(ParquetRowGroupReader group, DataField field, Memory<int?> destination, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var buffer = ArrayPool<T?>.Shared.Rent(destination.Length);
        try
        {
            await group.ReadAsync(field, buffer.AsMemory(0, destination.Length), null, ct);
            ToIds<T>(buffer.AsSpan(0, destination.Length), destination.Span);
        }
        finally
        {
            // Stryker disable once Statement : equivalent, a buffer not returned early (or at all) only costs the pool a reuse.
            ArrayPool<T?>.Shared.Return(buffer);
        }
    }

    internal static void ToDoubles<T>(ReadOnlySpan<T?> source, Span<double?> target)
        where T : struct, INumberBase<T>
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i] is { } value ? double.CreateTruncating(value) : null;
        }
    }

    internal static void ToIds<T>(ReadOnlySpan<T?> source, Span<int?> target)
        where T : struct, INumberBase<T>
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = source[i] is { } value && T.IsInteger(value) ? int.CreateSaturating(value) : null;
        }
    }

    // TlcSchema rejects these types up front, naming the file; reaching here is a bug, wrapped by the reader.
    private static NotSupportedException Unsupported(DataField field) =>
        new($"column '{field.Name}' has unsupported type {field.ClrType.Name}");
}
