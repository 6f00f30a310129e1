using System.Net;

namespace TaxiDuration.Data.Download;

/// <summary>A TLC month could not be downloaded; the message names the URL and the reason.</summary>
public sealed class TlcDownloadException : IOException
{
    public TlcDownloadException(Uri url, TlcDownloadFailure reason, string detail, Exception? innerException = null)
        : base($"Download of {url} failed: {detail}", innerException)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        Reason = reason;
        Detail = detail;
    }

    public Uri Url { get; }

    public TlcDownloadFailure Reason { get; }

    /// <summary>The reason in words, without the URL.</summary>
    public string Detail { get; }

    /// <summary>The HTTP status when the server answered with an error, else null.</summary>
    public HttpStatusCode? StatusCode { get; init; }
}
