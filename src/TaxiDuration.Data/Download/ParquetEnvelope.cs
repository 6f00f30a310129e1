using System.Buffers.Binary;

namespace TaxiDuration.Data.Download;

/// <summary>
/// Cheap structural check that a stream holds a whole Parquet file: "PAR1" at both ends and a footer length
/// that fits inside the file. It catches the two ways a download goes wrong in practice — an HTML error page
/// served with status 200, and a body cut short — without parsing the footer.
/// </summary>
internal static class ParquetEnvelope
{
    private const int MagicLength = 4;
    private const int FooterLengthSize = 4;

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>The problem found, or null when the envelope is sound. Leaves the stream position at the end.</summary>
    public static async Task<(TlcDownloadFailure Failure, string Detail)?> InspectAsync(Stream stream, CancellationToken cancellationToken)
    {
        var length = stream.Length;
        var head = new byte[MagicLength];
        stream.Position = 0;
        var headRead = await stream.ReadAtLeastAsync(head, MagicLength, throwOnEndOfStream: false, cancellationToken);
        if (headRead < MagicLength || !head.AsSpan().SequenceEqual(Magic))
        {
            return (TlcDownloadFailure.NotParquet, $"the body ({length} bytes) does not start with the Parquet magic 'PAR1' (starts with '{Printable(head.AsSpan(0, headRead))}')");
        }

        if (length < (2 * MagicLength) + FooterLengthSize)
        {
            return (TlcDownloadFailure.Truncated, $"the body is only {length} bytes, too short for a Parquet footer");
        }

        var tail = new byte[FooterLengthSize + MagicLength];
        stream.Position = length - tail.Length;
        await stream.ReadExactlyAsync(tail, cancellationToken);
        if (!tail.AsSpan(FooterLengthSize).SequenceEqual(Magic))
        {
            return (TlcDownloadFailure.Truncated, $"the body ({length} bytes) does not end with 'PAR1': the file was cut short");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        var room = length - (2 * MagicLength) - FooterLengthSize;
        return footerLength <= 0 || footerLength > room
            ? (TlcDownloadFailure.Truncated, $"the footer length {footerLength} does not fit in the {length}-byte body")
            : null;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7f ? (char)bytes[i] : '.';
        }

        return new string(chars);
    }
}
