using Parquet;
using TaxiDuration.Data.Reading;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>
/// A file whose footer is sound but whose data is not: the error names the very column (and row group) that could
/// not be decoded, so whoever investigates knows where to look. Each test damages one real column chunk, found
/// through the footer, or one real footer field.
/// </summary>
public sealed class CorruptColumnTests : IDisposable
{
    private static readonly DateTime Jan1 = new(2021, 1, 1, 8, 0, 0);
    private readonly ReadingFiles files = new();
    private readonly TlcTripReader reader = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("trip_distance")]
    [InlineData("passenger_count")]
    [InlineData("fare_amount")]
    [InlineData("total_amount")]
    public async Task A_damaged_number_column_is_named(string column)
    {
        var path = await files.WriteGreenAsync("green_tripdata_2021-01.parquet",
            [.. Enumerable.Range(0, 50).Select(i => ((DateTime?)Jan1.AddMinutes(i), (DateTime?)Jan1.AddMinutes(i + 9), (int?)(i + 1), (int?)2, (double?)i))]);
        await DamageAsync(path, column);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith($"green_tripdata_2021-01.parquet: cannot read column '{column}' of row group 0 (", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_row_group_claiming_a_negative_row_count_is_refused()
    {
        var path = await files.WriteGreenAsync("negative.parquet", (Jan1, Jan1.AddMinutes(3), 1, 2, 3), (Jan1, Jan1.AddMinutes(4), 1, 2, 3));
        await ClaimRowsAsync(path, -1);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("negative.parquet: row group 0 claims -1 rows", error.Message);
    }

    [Fact]
    public async Task A_row_group_claiming_every_int_row_is_too_big_for_one_array()
    {
        // int.MaxValue rows fit a row group's count but not an array (Array.MaxLength is a little less).
        var path = await files.WriteGreenAsync("huge.parquet", (Jan1, Jan1.AddMinutes(3), 1, 2, 3), (Jan1, Jan1.AddMinutes(4), 1, 2, 3));
        await ClaimRowsAsync(path, int.MaxValue);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("huge.parquet: has 2,147,483,647 rows, more than one array can hold; read it with ReadRowGroupsAsync", error.Message);
    }

    [Fact]
    public async Task A_row_group_claiming_more_rows_than_an_int_is_refused()
    {
        var path = await files.WriteGreenAsync("huger.parquet", (Jan1, Jan1.AddMinutes(3), 1, 2, 3), (Jan1, Jan1.AddMinutes(4), 1, 2, 3));
        await ClaimRowsAsync(path, (long)int.MaxValue + 1);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("huger.parquet: row group 0 claims 2147483648 rows", error.Message);
    }

    /// <summary>Overwrites the whole chunk of <paramref name="column"/> (its page headers included) with 0xFF, which no Thrift header decodes.</summary>
    private static async Task DamageAsync(string path, string column)
    {
        long start, length;
        await using (var parquet = await ParquetReader.CreateAsync(path))
        {
            var field = parquet.Schema.DataFields.Single(candidate => candidate.Name == column);
            var chunk = parquet.OpenRowGroupReader(0).GetMetadata(field)!.MetaData!;
            start = chunk.DictionaryPageOffset is { } dictionary ? Math.Min(dictionary, chunk.DataPageOffset) : chunk.DataPageOffset;
            length = chunk.TotalCompressedSize;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        bytes.AsSpan((int)start, (int)length).Fill(0xFF);
        await File.WriteAllBytesAsync(path, bytes);
    }

    /// <summary>
    /// Makes the footer's first row group claim <paramref name="rows"/> rows. The row group's num_rows (field 3)
    /// follows its total_byte_size (field 2); both are compact-protocol i64 fields (header 0x16) holding zigzag
    /// varints, which pins the bytes down. Compact Thrift has no byte offsets inside the footer, so a longer varint
    /// only changes the footer length written before the closing magic.
    /// </summary>
    private static async Task ClaimRowsAsync(string path, long rows)
    {
        long totalByteSize, written;
        await using (var parquet = await ParquetReader.CreateAsync(path))
        {
            totalByteSize = parquet.Metadata!.RowGroups[0].TotalByteSize;
            written = parquet.Metadata.RowGroups[0].NumRows;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        byte[] pattern = [0x16, .. Varint(totalByteSize), 0x16, .. Varint(written)];
        var at = bytes.AsSpan().LastIndexOf(pattern);
        Assert.True(at > bytes.Length - 8 - footerLength, "the row group's num_rows field was not found in the footer");
        var end = at + pattern.Length;
        var start = end - Varint(written).Length;
        var claimed = Varint(rows);
        byte[] patched = [.. bytes[..start], .. claimed, .. bytes[end..^8], .. BitConverter.GetBytes(footerLength + claimed.Length - (end - start)), .. "PAR1"u8];
        await File.WriteAllBytesAsync(path, patched);
    }

    private static byte[] Varint(long value)
    {
        var zigzag = (ulong)((value << 1) ^ (value >> 63));
        var bytes = new List<byte>();
        do
        {
            var next = (byte)(zigzag & 0x7F);
            zigzag >>= 7;
            bytes.Add(zigzag == 0 ? next : (byte)(next | 0x80));
        }
        while (zigzag != 0);
        return [.. bytes];
    }
}
