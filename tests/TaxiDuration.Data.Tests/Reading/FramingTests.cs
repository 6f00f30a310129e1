using System.Buffers.Binary;
using System.Text;
using TaxiDuration.Data.Reading;

namespace TaxiDuration.Data.Tests.Reading;

/// <summary>
/// The framing check at its edges: the exact sizes where one problem turns into another, and the message each
/// problem gets, so a broken download is described as what it is.
/// </summary>
public sealed class FramingTests : IDisposable
{
    private readonly ReadingFiles files = new();
    private readonly TlcTripReader reader = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Four_bytes_of_magic_are_parquet_but_too_short()
    {
        var path = await WriteBytesAsync("magic-only.parquet", "PAR1"u8.ToArray());

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("magic-only.parquet: truncated: 4 bytes is too short for a Parquet file", error.Message);
    }

    [Fact]
    public async Task Eleven_bytes_are_one_short_of_the_smallest_frame()
    {
        var path = await WriteBytesAsync("eleven.parquet", [.. "PAR1"u8, .. new byte[3], .. "PAR1"u8]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("eleven.parquet: truncated: 11 bytes is too short for a Parquet file", error.Message);
    }

    [Fact]
    public async Task The_smallest_frame_with_an_empty_footer_is_out_of_range_not_too_short()
    {
        // 12 bytes: both magics and a footer length of zero, the least a file can hold.
        var path = await WriteBytesAsync("empty-footer.parquet", Frame(body: [], footerLength: 0));

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("empty-footer.parquet: truncated or corrupt: the footer claims 0 bytes but the file has 12", error.Message);
    }

    [Fact]
    public async Task A_footer_one_byte_longer_than_the_file_allows_is_out_of_range()
    {
        var path = await WriteBytesAsync("long-footer.parquet", Frame(body: new byte[10], footerLength: 11));

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("long-footer.parquet: truncated or corrupt: the footer claims 11 bytes but the file has 22", error.Message);
    }

    [Fact]
    public async Task A_footer_that_exactly_fills_the_file_passes_the_framing_and_reaches_the_parser()
    {
        // Ten bytes of zeros claimed as the whole footer: framed correctly, so the parser, not the framing, rejects it.
        var path = await WriteBytesAsync("exact-footer.parquet", Frame(body: new byte[10], footerLength: 10));

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.StartsWith("exact-footer.parquet: the Parquet footer cannot be read, the file is corrupt (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_file_that_is_not_parquet_is_not_called_text()
    {
        var path = await WriteBytesAsync("archive.parquet", [.. "PK"u8, 3, 4, 20, 0, 0, 0, 8, 0]);

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("archive.parquet: not a Parquet file: no PAR1 magic at the start", error.Message);
    }

    [Theory]
    [InlineData("{\"error\":\"AccessDenied\"}")]
    [InlineData("\uFEFF<?xml version=\"1.0\"?><Error/>")]
    [InlineData("  \r\n<html><body>503</body></html>")]
    public async Task Json_xml_and_html_error_pages_are_recognised_as_text(string page)
    {
        var path = files.PathOf("page.parquet");
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(page));

        var error = await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        Assert.Equal("page.parquet: not a Parquet file: no PAR1 magic at the start (it looks like text: HTML, XML or JSON, e.g. a saved error page)", error.Message);
    }

    [Fact]
    public void Inspection_leaves_a_sound_stream_at_its_start_for_the_parser()
    {
        using var stream = new MemoryStream(Frame(body: new byte[10], footerLength: 10));
        stream.Position = 5;

        Assert.Null(ParquetFraming.Inspect(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Inspection_rewinds_after_reading_the_tail_of_a_faulty_stream()
    {
        using var stream = new MemoryStream(Frame(body: new byte[10], footerLength: 0));

        var fault = ParquetFraming.Inspect(stream);

        Assert.Equal((ParquetFramingProblem.FooterOutOfRange, 22L, 0L), (fault!.Problem, fault.Length, fault.FooterLength));
        Assert.Equal("PAR1"u8.ToArray().Concat(new byte[4]), fault.Head);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task A_file_refused_by_the_framing_check_is_closed_so_it_can_be_replaced()
    {
        // The catalog re-downloads over a bad file; a handle left open would block that (FileShare.None fails).
        var path = await WriteBytesAsync("bad.parquet", Encoding.UTF8.GetBytes("<html>gone</html>"));

        await Assert.ThrowsAsync<TlcDataException>(() => reader.ReadAllAsync(path));

        await using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.Equal(17, exclusive.Length);
    }

    [Fact]
    public async Task A_file_read_to_the_end_is_closed_so_it_can_be_replaced()
    {
        var path = await files.WriteGreenAsync("done.parquet", (new DateTime(2021, 1, 1, 8, 0, 0), new DateTime(2021, 1, 1, 8, 9, 0), 1, 2, 3));

        Assert.Single(await reader.ReadAllAsync(path));

        await using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.Length > 12);
    }

    /// <summary>"PAR1", the body, a little-endian footer length and "PAR1": the framing alone, nothing parseable.</summary>
    private static byte[] Frame(byte[] body, uint footerLength)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, footerLength);
        return [.. "PAR1"u8, .. body, .. length, .. "PAR1"u8];
    }

    private async Task<string> WriteBytesAsync(string name, byte[] bytes)
    {
        var path = files.PathOf(name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }
}
