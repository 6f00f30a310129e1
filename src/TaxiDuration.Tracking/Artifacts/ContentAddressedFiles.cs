namespace TaxiDuration.Tracking.Artifacts;

/// <summary>
/// Artifact bytes stored once per SHA-256 under <c>root/sha256/ab/abcdef…</c>. Writes go to a temporary file in
/// the same folder and are moved into place, so a reader (or a killed writer) never sees a partial file.
/// </summary>
public sealed class ContentAddressedFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string sha256) => Path.Combine(Root, "sha256", sha256[..2], sha256);

    /// <summary>Copies the file in (unless identical bytes are already stored) and returns its hash and size.</summary>
    public (string Sha256, long SizeBytes) Store(string sourceFile)
    {
        if (!File.Exists(sourceFile))
        {
            throw new FileNotFoundException($"Artifact source file '{sourceFile}' does not exist.", sourceFile);
        }

        var staging = Path.Combine(Root, "staging");
        Directory.CreateDirectory(staging);
        // Stryker disable once String : equivalent, the temporary name is only unique and is deleted in finally; nothing reads it by name.
        var temporary = Path.Combine(staging, Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long size;
            // Stryker disable once Bitwise : equivalent, 1 >> 16 is a buffer size of 0 (unbuffered): the same bytes, only slower.
            using (var source = new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            // Stryker disable once Bitwise : equivalent, 1 >> 16 is a buffer size of 0 (unbuffered): the same bytes, only slower.
            using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                source.CopyTo(target);
                target.Flush(flushToDisk: true);
                size = target.Length;
            }

            // Hash the copy, not the source: the source may change while it is being read.
            var sha256 = ContentHash.OfFile(temporary);
            MoveIntoPlace(temporary, sha256);
            return (sha256, size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The stored file for a hash after re-hashing it; refuses a file whose bytes changed.</summary>
    /// <exception cref="ArtifactIntegrityException">The file no longer hashes to <paramref name="sha256"/>.</exception>
    /// <exception cref="FileNotFoundException">No file is stored for the hash.</exception>
    public string Verified(string sha256)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Artifact file '{path}' (SHA-256 {sha256}) is missing from the artifact store.", path);
        }

        var actual = ContentHash.OfFile(path);
        return actual == sha256 ? path : throw new ArtifactIntegrityException(path, sha256, actual);
    }

    private void MoveIntoPlace(string temporary, string sha256)
    {
        var destination = PathOf(sha256);
        if (File.Exists(destination) && ContentHash.OfFile(destination) == sha256)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        // Overwrite heals a damaged copy; a concurrent writer of the same hash moves identical bytes, so either wins.
        File.Move(temporary, destination, overwrite: true);
    }
}
