using System.Globalization;
using Microsoft.Extensions.Logging;
using TaxiDuration.Data.Download;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Catalog;

/// <summary>
/// Turns a download's byte counts into a few log lines (every 10 %, or every 5 MB when the size is unknown), so a
/// person fetching a 50 MB month sees it move without a line per network read.
/// </summary>
internal sealed class DownloadProgressLog(ILogger logger, TaxiMonth month) : IProgress<DownloadProgress>
{
    private const long UnknownSizeStep = 5 * 1024 * 1024;
    private long nextReport;

    public void Report(DownloadProgress value)
    {
        var step = value.TotalBytes is > 0 and var total ? Math.Max(1, total / 10) : UnknownSizeStep;
        var done = value.TotalBytes is { } size && value.BytesReceived >= size;
        if (value.BytesReceived < nextReport && !done)
        {
            return;
        }

        nextReport = ((value.BytesReceived / step) + 1) * step;
        var received = Megabytes(value.BytesReceived);
        var message = value.TotalBytes is > 0 and var expected
            ? string.Create(CultureInfo.InvariantCulture, $"{received} of {Megabytes(expected)} MB ({100.0 * value.BytesReceived / expected:0} %)")
            : $"{received} MB";
        logger.LogInformation("Downloading {Month}: {Progress}", month, message);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}
