using System.Buffers.Binary;

namespace TaxiDuration.Data;

/// <summary>What is wrong with a file's Parquet framing.</summary>
internal enum ParquetFramingProblem
{
    /// <summary>No "PAR1" at the start: not Parquet at all (often a saved HTML or JSON error page).</summary>
    NoStartMagic,

    /// <summary>Too short to hold the magic at both ends and a footer length.</summary>
    TooShort,

    /// <summary>No "PAR1" at the end: the file was cut short.</summary>
    NoEndMagic,

    /// <summary>The footer length is zero or larger than the file.</summary>
    FooterOutOfRange,
}

/// <summary>A framing problem with what was measured, for the caller's own message.</summary>
/// <param name="Head">The first bytes of the file (up to 8), to say what the file looks like instead.</param>
internal sealed record ParquetFramingFault(ParquetFramingProblem Problem, long Length, byte[] Head, long FooterLength);

/// <summary>
/// The cheap structural check both the downloader and the reader make before any Parquet parsing: "PAR1" at both
/// ends and a footer length that fits. It catches the two ways a file goes wrong in practice — an HTML error page
/// saved as .parquet and an interrupted download — so each caller can say so precisely.
/// </summary>
internal static class ParquetFraming
{
    private const int MagicLength = 4;
    private const int FooterLengthSize = 4;
    private const int Overhead = (2 * MagicLength) + FooterLengthSize;

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>The fault found, or null when the framing is sound. Leaves the stream at position 0.</summary>
    public static ParquetFramingFault? Inspect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var length = stream.Length;
        var head = new byte[8];
        stream.Position = 0;
        // Stryker disable once Boolean : equivalent, it asks for at most the stream's length, so the end never comes early.
        var read = stream.ReadAtLeast(head, (int)Math.Min(length, head.Length), throwOnEndOfStream: false);
        head = head[..read];
        try
        {
            if (read < MagicLength || !head.AsSpan(0, MagicLength).SequenceEqual(Magic))
            {
                return new ParquetFramingFault(ParquetFramingProblem.NoStartMagic, length, head, 0);
            }

            if (length < Overhead)
            {
                return new ParquetFramingFault(ParquetFramingProblem.TooShort, length, head, 0);
            }

            Span<byte> tail = stackalloc byte[FooterLengthSize + MagicLength];
            stream.Position = length - tail.Length;
            stream.ReadExactly(tail);
            if (!tail[FooterLengthSize..].SequenceEqual(Magic))
            {
                return new ParquetFramingFault(ParquetFramingProblem.NoEndMagic, length, head, 0);
            }

            long footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            return footerLength == 0 || footerLength > length - Overhead
                ? new ParquetFramingFault(ParquetFramingProblem.FooterOutOfRange, length, head, footerLength)
                : null;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
