namespace TaxiDuration.Data.Download;

/// <summary>Why a download failed; callers decide on it (e.g. fall back to synthetic data when not published).</summary>
public enum TlcDownloadFailure
{
    /// <summary>HTTP 404: the TLC has not published this month (or the base address is wrong).</summary>
    NotPublished,

    /// <summary>The body ended before the announced length, or the Parquet footer is missing.</summary>
    Truncated,

    /// <summary>The body is not a Parquet file (an HTML error page, for instance).</summary>
    NotParquet,

    /// <summary>Every attempt ran past the per-attempt timeout.</summary>
    TimedOut,

    /// <summary>The server could not be reached (DNS, refused connection, offline).</summary>
    ConnectionFailed,

    /// <summary>The server answered with an HTTP error other than 404.</summary>
    HttpError,

    /// <summary>The body does not have the SHA-256 the caller expected.</summary>
    ChecksumMismatch,
}
