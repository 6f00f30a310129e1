using System.Security.Cryptography;

namespace TaxiDuration.Model;

/// <summary>
/// The checksum file shipped beside a model file (<c>model.zip.sha256</c>, in <c>sha256sum</c>'s format, so
/// <c>sha256sum -c model.zip.sha256</c> verifies it by hand): how a service tells a shipped model from a changed one.
/// </summary>
public static class ModelChecksum
{
    public static string PathFor(string modelPath) => modelPath + ".sha256";

    /// <summary>Writes the checksum of <paramref name="modelPath"/> beside it and returns it.</summary>
    public static string Write(string modelPath)
    {
        var sha256 = Compute(modelPath);
        File.WriteAllText(PathFor(modelPath), $"{sha256}  {Path.GetFileName(modelPath)}\n");
        return sha256;
    }

    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public static string Compute(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The recorded hash, or null when the model has no checksum file.</summary>
    public static string? Read(string modelPath)
    {
        var path = PathFor(modelPath);
        return File.Exists(path) ? File.ReadAllText(path).Split(' ', 2)[0].Trim() : null;
    }
}
