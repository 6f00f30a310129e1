using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace TaxiDuration.Data.Download;

/// <summary>
/// The downloader's retry: Polly's, with pauses that start at <see cref="TlcDownloadOptions.InitialRetryDelay"/> and
/// double (no jitter: one client, one file, nobody to collide with), on the downloader's clock, for the failures that
/// may pass (5xx, 408, 429, timeouts, dropped connections, cut bodies) and never for a 404 or a wrong file.
/// </summary>
internal static partial class DownloadRetry
{
    public static ResiliencePipeline Create(TlcDownloadOptions options, TimeProvider clock, ILogger logger)
    {
        if (options.MaxAttempts == 1)
        {
            return ResiliencePipeline.Empty; // Polly's retry wants at least one retry
        }

        return new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TlcDownloadException>(IsTransient),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.InitialRetryDelay,
                UseJitter = false,
                OnRetry = retry =>
                {
                    if (retry.Outcome.Exception is TlcDownloadException failure)
                    {
                        LogRetry(logger, retry.AttemptNumber + 1, options.MaxAttempts, failure.Url, failure.Reason, retry.RetryDelay);
                    }

                    return default;
                },
            })
            .Build();
    }

    public static bool IsTransient(TlcDownloadException failure) => failure.Reason switch
    {
        TlcDownloadFailure.TimedOut or TlcDownloadFailure.ConnectionFailed or TlcDownloadFailure.Truncated => true,
        TlcDownloadFailure.HttpError => failure.StatusCode is >= HttpStatusCode.InternalServerError
            or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempt} of {MaxAttempts} to download {Url} failed ({Reason}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, int maxAttempts, Uri url, TlcDownloadFailure reason, TimeSpan delay);
}
