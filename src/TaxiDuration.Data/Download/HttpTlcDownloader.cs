using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Polly;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Download;

/// <summary>
/// Downloads TLC months over HTTP: one attempt per <see cref="TlcDownloadOptions.AttemptTimeout"/>, retries with
/// doubling pauses for failures that may pass (5xx, timeouts, dropped connections, cut bodies) but not for 404
/// (<see cref="DownloadRetry"/>), and an atomic, verified write: the target path only ever holds a complete Parquet file.
/// </summary>
public sealed class HttpTlcDownloader : ITlcDownloader
{
    private const int BufferSize = 81920;

    private readonly HttpClient httpClient;
    private readonly TlcDownloadOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ResiliencePipeline retry;

    /// <param name="httpClient">Shared client (its lifetime belongs to the caller).</param>
    /// <param name="options">Validated here; invalid options throw <see cref="ArgumentException"/>.</param>
    /// <param name="timeProvider">Clock for timeouts and retry pauses; the system clock when null.</param>
    /// <param name="logger">Receives one warning per failed attempt that will be retried.</param>
    public HttpTlcDownloader(HttpClient httpClient, TlcDownloadOptions options, TimeProvider? timeProvider = null, ILogger<HttpTlcDownloader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.httpClient = httpClient;
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        retry = DownloadRetry.Create(options, this.timeProvider, logger ?? (ILogger)NullLogger.Instance);
    }

    public Uri SourceOf(TaxiMonth month)
    {
        // Without the trailing slash, Uri resolution would replace the base's last segment instead of appending.
        var folder = options.BaseUri.AbsoluteUri.EndsWith('/') ? options.BaseUri : new Uri(options.BaseUri.AbsoluteUri + "/");
        return new Uri(folder, month.FileName);
    }

    public async Task<DownloadedFile> DownloadAsync(
        TaxiMonth month,
        string targetPath,
        string? expectedSha256 = null,
        IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetPath);
        var url = SourceOf(month);
        try
        {
            return await retry.ExecuteAsync(
                async token => await AttemptAsync(url, targetPath, expectedSha256, progress, token),
                cancellationToken);
        }
        catch (TlcDownloadException failure) when (DownloadRetry.IsTransient(failure))
        {
            // Only the last attempt's failure gets here, so every attempt was made.
            throw GaveUp(failure, options.MaxAttempts);
        }
    }

    private TlcDownloadException GaveUp(TlcDownloadException last, int attempts)
    {
        var what = last.Reason == TlcDownloadFailure.TimedOut
            ? $"timed out after {attempts} attempt(s) of at most {options.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s each"
            : $"{last.Detail} (gave up after {attempts} attempt(s))";
        return new TlcDownloadException(last.Url, last.Reason, what, last) { StatusCode = last.StatusCode };
    }

    private async Task<DownloadedFile> AttemptAsync(
        Uri url, string targetPath, string? expectedSha256, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        var token = attemptCancellation.Token;
        try
        {
            using var response = await httpClient.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new TlcDownloadException(url, TlcDownloadFailure.NotPublished, "not published (HTTP 404): the TLC has no file for this month at this address");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new TlcDownloadException(url, TlcDownloadFailure.HttpError, $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}")
                {
                    StatusCode = response.StatusCode,
                };
            }

            var body = new BodyCopy(url, response.Content.Headers.ContentLength, expectedSha256, progress);
            await AtomicFile.WriteAsync(targetPath, (file, writeToken) => body.CopyAndVerifyAsync(response.Content, file, writeToken), token);
            return new DownloadedFile(Path.GetFullPath(targetPath), url, body.BytesReceived, body.Sha256);
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TlcDownloadException(url, TlcDownloadFailure.TimedOut, $"no complete answer within {options.AttemptTimeout}", cancelled);
        }
        catch (HttpIOException cut)
        {
            throw new TlcDownloadException(url, TlcDownloadFailure.Truncated, $"the connection ended before the whole body arrived ({cut.Message})", cut);
        }
        catch (HttpRequestException unreachable)
        {
            throw new TlcDownloadException(url, TlcDownloadFailure.ConnectionFailed, $"the server could not be reached ({unreachable.Message})", unreachable);
        }
    }

    /// <summary>A body whose framing is wrong: not Parquet at all (never retried) or cut short (retried).</summary>
    private static TlcDownloadException Refused(Uri url, ParquetFramingFault fault) => fault.Problem switch
    {
        ParquetFramingProblem.NoStartMagic => new TlcDownloadException(url, TlcDownloadFailure.NotParquet,
            $"the body ({fault.Length} bytes) does not start with the Parquet magic 'PAR1' (starts with '{Printable(fault.Head)}')"),
        ParquetFramingProblem.TooShort => new TlcDownloadException(url, TlcDownloadFailure.Truncated,
            $"the body is only {fault.Length} bytes, too short for a Parquet footer"),
        ParquetFramingProblem.NoEndMagic => new TlcDownloadException(url, TlcDownloadFailure.Truncated,
            $"the body ({fault.Length} bytes) does not end with 'PAR1': the file was cut short"),
        _ => new TlcDownloadException(url, TlcDownloadFailure.Truncated,
            $"the footer length {fault.FooterLength} does not fit in the {fault.Length}-byte body"),
    };

    private static string Printable(byte[] bytes) =>
        new(bytes.Take(4).Select(value => value is >= 0x20 and < 0x7f ? (char)value : '.').ToArray());

    /// <summary>Streams one response body to disk, hashing and reporting progress on the way, then verifies it.</summary>
    private sealed class BodyCopy(Uri url, long? announcedLength, string? expectedSha256, IProgress<DownloadProgress>? progress)
    {
        public long BytesReceived { get; private set; }

        // Stryker disable once String : equivalent, the hash is set before anything reads it.
        public string Sha256 { get; private set; } = string.Empty;

        public async Task CopyAndVerifyAsync(HttpContent content, FileStream file, CancellationToken cancellationToken)
        {
            await using var body = await content.ReadAsStreamAsync(cancellationToken);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                hash.AppendData(buffer, 0, read);
                BytesReceived += read;
                progress?.Report(new DownloadProgress(BytesReceived, announcedLength));
            }

            if (announcedLength is { } expected && BytesReceived != expected)
            {
                throw new TlcDownloadException(url, TlcDownloadFailure.Truncated, $"received {BytesReceived} of the {expected} bytes announced");
            }

            // Stryker disable once Statement : equivalent, Inspect's Length counts buffered bytes and its seek flushes them.
            await file.FlushAsync(cancellationToken);
            if (ParquetFraming.Inspect(file) is { } fault)
            {
                throw Refused(url, fault);
            }

            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (expectedSha256 is not null && !Sha256.Equals(expectedSha256.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new TlcDownloadException(url, TlcDownloadFailure.ChecksumMismatch, $"SHA-256 is {Sha256}, expected {expectedSha256}");
            }
        }
    }
}
