using TaxiDuration.Trips;

namespace TaxiDuration.Data.Download;

/// <summary>Fetches one published TLC month file to a local path.</summary>
public interface ITlcDownloader
{
    /// <summary>The address a month is (or would be) downloaded from, for messages and logs.</summary>
    Uri SourceOf(TaxiMonth month);

    /// <summary>
    /// Downloads <paramref name="month"/> to <paramref name="targetPath"/>. The file appears there complete and
    /// verified, or not at all.
    /// </summary>
    /// <param name="month">The month to fetch.</param>
    /// <param name="targetPath">Where the file lands; its folder is created when missing.</param>
    /// <param name="expectedSha256">Hex SHA-256 the body must have, or null to skip that check.</param>
    /// <param name="progress">Receives bytes received so far and the announced total.</param>
    /// <param name="cancellationToken">Stops the download; nothing is left at the target path.</param>
    /// <exception cref="TlcDownloadException">The file could not be fetched; the message names the URL and why.</exception>
    Task<DownloadedFile> DownloadAsync(
        TaxiMonth month,
        string targetPath,
        string? expectedSha256 = null,
        IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
