namespace TaxiDuration.Data.Download;

/// <summary>
/// Writes a file so readers see either the old content or the complete new one, never a partial file: the
/// content goes to a temporary file in the target's folder (same volume, so the final move is a rename), which
/// replaces the target only after the writer succeeded.
/// </summary>
internal static class AtomicFile
{
    /// <param name="path">Final location; its folder is created when missing.</param>
    /// <param name="write">Fills the stream (readable and seekable, so it can verify what it wrote); throwing discards the file.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is left behind.</param>
    public static async Task WriteAsync(string path, Func<FileStream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' has no parent folder to write into.", nameof(path));
        Directory.CreateDirectory(folder);
        var temporaryPath = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Stryker disable once Boolean : equivalent, asynchronous or synchronous file I/O writes the same bytes.
            await using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryPath);
        }
    }
}
