using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Tests.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Download;

public sealed class HttpTlcDownloaderTests(ServedMonthFixture month) : IClassFixture<ServedMonthFixture>, IDisposable
{
    private static readonly TaxiMonth January = SyntheticMonths.January2021;

    private readonly TemporaryFolder folder = new();
    private readonly HttpClient httpClient = new();

    private string Target => folder.File(January.FileName);

    [Fact]
    public async Task A_served_month_lands_complete_verified_and_readable()
    {
        await using var server = await LoopbackServer.ServingAsync(month.Bytes);
        var reports = new List<DownloadProgress>();

        var downloaded = await Downloader(server).DownloadAsync(January, Target, progress: new Recorder<DownloadProgress>(reports));

        Assert.Equal(month.Bytes, await File.ReadAllBytesAsync(Target));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(month.Bytes)), downloaded.Sha256);
        Assert.Equal(new Uri(server.BaseUri, January.FileName), downloaded.Source);
        Assert.Equal(ServedMonthFixture.Rows, (await new TlcTripReader().ReadAllAsync(downloaded.Path)).Length);
        Assert.Equal(new DownloadProgress(month.Bytes.Length, month.Bytes.Length), reports[^1]);
        Assert.Equal(reports.Select(report => report.BytesReceived).Order(), reports.Select(report => report.BytesReceived));
        Assert.Equal([January.FileName], folder.Files());
    }

    [Fact]
    public async Task A_known_checksum_is_enforced()
    {
        await using var server = await LoopbackServer.ServingAsync(month.Bytes);
        var rightSum = Convert.ToHexString(SHA256.HashData(month.Bytes));

        await Downloader(server).DownloadAsync(January, Target, expectedSha256: rightSum);
        File.Delete(Target);
        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() =>
            Downloader(server).DownloadAsync(January, Target, expectedSha256: new string('0', 64)));

        Assert.Equal(TlcDownloadFailure.ChecksumMismatch, failure.Reason);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task Not_found_is_not_published_and_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server).DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.NotPublished, failure.Reason);
        Assert.Contains("not published", failure.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(server.BaseUri, January.FileName).ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_refused_after_retries()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentLength = month.Bytes.Length;
            // Returning with half the announced bytes makes Kestrel close the connection mid-body.
            await context.Response.Body.WriteAsync(month.Bytes.AsMemory(0, month.Bytes.Length / 2));
        });

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server, maxAttempts: 2).DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.Truncated, failure.Reason);
        Assert.Equal(2, server.Requests);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_cut_file_served_whole_is_refused()
    {
        await using var server = await LoopbackServer.ServingAsync(month.Bytes[..(month.Bytes.Length / 2)]);

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server, maxAttempts: 1).DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.Truncated, failure.Reason);
        Assert.Contains("does not end with 'PAR1'", failure.Message, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task An_html_page_instead_of_parquet_is_refused_without_retry()
    {
        var page = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Access denied</body></html>");
        await using var server = await LoopbackServer.ServingAsync(page, "text/html");

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server).DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.NotParquet, failure.Reason);
        Assert.Contains("PAR1", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_server_slower_than_the_attempt_timeout_is_retried_then_reported_as_timed_out()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));

        // Long enough for each attempt's request to reach the server even on a loaded CI machine (with 300 ms the
        // first attempt could time out before Kestrel saw it); short enough to keep the test at a few seconds.
        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() =>
            Downloader(server, maxAttempts: 2, attemptTimeout: TimeSpan.FromSeconds(2)).DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.TimedOut, failure.Reason);
        Assert.Contains("timed out after 2 attempt(s)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_503_is_retried_until_the_file_arrives()
    {
        await using var server = await LoopbackServer.StartAsync((context, request) =>
        {
            if (request == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return LoopbackServer.Respond(context, month.Bytes);
        });

        var downloaded = await Downloader(server).DownloadAsync(January, Target);

        Assert.Equal(2, server.Requests);
        Assert.Equal(month.Bytes.Length, downloaded.Bytes);
        Assert.Equal(month.Bytes, await File.ReadAllBytesAsync(Target));
    }

    [Fact]
    public async Task Retry_pauses_start_at_the_initial_delay_and_double_on_the_downloaders_clock_with_a_warning_each()
    {
        await using var server = await LoopbackServer.StartAsync((context, request) =>
        {
            if (request < 3)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return LoopbackServer.Respond(context, month.Bytes);
        });
        var clock = new RetryPauseClock(longestPause: TimeSpan.FromMinutes(1));
        var log = new WarningLog<HttpTlcDownloader>();
        var options = new TlcDownloadOptions { BaseUri = server.BaseUri, MaxAttempts = 3, InitialRetryDelay = TimeSpan.FromSeconds(5) };

        await new HttpTlcDownloader(httpClient, options, clock, log).DownloadAsync(January, Target);

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)], clock.Pauses);
        Assert.Equal(3, server.Requests);
        Assert.Collection(
            log.Messages,
            first => Assert.StartsWith("Attempt 1 of 3 to download", first, StringComparison.Ordinal),
            second => Assert.Contains("(HttpError); retrying in 00:00:10", second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_download_leaves_an_existing_file_untouched()
    {
        await File.WriteAllTextAsync(Target, "previous content");
        await using var server = await LoopbackServer.ServingAsync(month.Bytes[..100]);

        await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server, maxAttempts: 1).DownloadAsync(January, Target));

        Assert.Equal("previous content", await File.ReadAllTextAsync(Target));
        Assert.Equal([January.FileName], folder.Files());
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_failure()
    {
        Uri closed;
        await using (var server = await LoopbackServer.ServingAsync(month.Bytes))
        {
            closed = server.BaseUri;
        }

        var downloader = new HttpTlcDownloader(httpClient, new TlcDownloadOptions { BaseUri = closed, MaxAttempts = 2, InitialRetryDelay = TimeSpan.Zero });
        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => downloader.DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.ConnectionFailed, failure.Reason);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Months_are_fetched_from_the_TLC_file_pattern_under_the_base_address()
    {
        var defaultSource = new HttpTlcDownloader(httpClient, new TlcDownloadOptions()).SourceOf(January);
        var mirror = new HttpTlcDownloader(httpClient, new TlcDownloadOptions { BaseUri = new Uri("http://mirror.test/tlc") })
            .SourceOf(TaxiMonth.Parse("yellow 2023-03"));

        Assert.Equal("https://d37ci6vzurychx.cloudfront.net/trip-data/green_tripdata_2021-01.parquet", defaultSource.ToString());
        Assert.Equal("http://mirror.test/tlc/yellow_tripdata_2023-03.parquet", mirror.ToString());
    }

    [Fact]
    public void Invalid_options_are_refused_on_construction()
    {
        var failure = Assert.Throws<ArgumentException>(() => new HttpTlcDownloader(httpClient, new TlcDownloadOptions { MaxAttempts = 0 }));

        Assert.Contains(nameof(TlcDownloadOptions.MaxAttempts), failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        httpClient.Dispose();
        folder.Dispose();
    }

    private HttpTlcDownloader Downloader(LoopbackServer server, int maxAttempts = 3, TimeSpan? attemptTimeout = null) =>
        new(httpClient, new TlcDownloadOptions
        {
            BaseUri = server.BaseUri,
            MaxAttempts = maxAttempts,
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
        });

    /// <summary>Records reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Recorder<T>(List<T> reports) : IProgress<T>
    {
        public void Report(T value) => reports.Add(value);
    }
}
