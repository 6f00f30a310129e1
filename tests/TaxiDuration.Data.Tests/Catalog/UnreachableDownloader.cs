using TaxiDuration.Data.Download;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Catalog;

/// <summary>A downloader for tests where the catalog must not download: it counts calls and fails like an offline machine.</summary>
internal sealed class UnreachableDownloader : ITlcDownloader
{
    public int Calls { get; private set; }

    public Uri SourceOf(TaxiMonth month) => new(TlcDownloadOptions.DefaultBaseUri, month.FileName);

    public Task<DownloadedFile> DownloadAsync(
        TaxiMonth month, string targetPath, string? expectedSha256 = null, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        throw new TlcDownloadException(SourceOf(month), TlcDownloadFailure.ConnectionFailed, "the server could not be reached (offline)");
    }
}
