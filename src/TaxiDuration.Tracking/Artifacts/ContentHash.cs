using System.Security.Cryptography;

namespace TaxiDuration.Tracking;

/// <summary>SHA-256 of file contents as lower-case hex: the identity of artifacts and data fingerprints.</summary>
public static class ContentHash
{
    public static string OfFile(string path)
    {
        // Stryker disable once Bitwise : equivalent, 1 >> 16 is a buffer size of 0 (unbuffered): the same hash, only slower.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return OfStream(stream);
    }

    public static string OfStream(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));
}
