namespace TaxiDuration.Data.Download;

/// <summary>Where TLC files come from and how hard to try; call <see cref="Validate"/> before use.</summary>
public sealed class TlcDownloadOptions
{
    /// <summary>The TLC's public CloudFront distribution that serves every trip-record month.</summary>
    public static readonly Uri DefaultBaseUri = new("https://d37ci6vzurychx.cloudfront.net/trip-data/");

    /// <summary>Folder URL the month file names are appended to (tests point it at a loopback server).</summary>
    public Uri BaseUri { get; set; } = DefaultBaseUri;

    /// <summary>Attempts in total, including the first; transient failures (5xx, timeouts, resets) are retried.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Limit for one attempt, from request to last byte. A month is 1–50 MB.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Pause before the first retry; it doubles for each further retry.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (BaseUri is null || !BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttp && BaseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{nameof(BaseUri)} must be an absolute http(s) URL, got '{BaseUri}'.", nameof(BaseUri));
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentException($"{nameof(MaxAttempts)} must be at least 1, got {MaxAttempts}.", nameof(MaxAttempts));
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(AttemptTimeout)} must be positive, got {AttemptTimeout}.", nameof(AttemptTimeout));
        }

        if (InitialRetryDelay < TimeSpan.Zero || InitialRetryDelay > TimeSpan.FromDays(1))
        {
            // A day is the longest pause Polly's retry accepts.
            throw new ArgumentException($"{nameof(InitialRetryDelay)} must be between zero and a day, got {InitialRetryDelay}.", nameof(InitialRetryDelay));
        }
    }
}
