using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Http;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Tests.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Download;

/// <summary>
/// What a failed download says: the detail of each failure, word for word where it is ours, because it is all a
/// person sees of a download that went wrong on a machine they are not at.
/// </summary>
public sealed class DownloadFailureDetailTests(ServedMonthFixture month) : IClassFixture<ServedMonthFixture>, IDisposable
{
    private static readonly TaxiMonth January = SyntheticMonths.January2021;

    private readonly TemporaryFolder folder = new();
    private readonly HttpClient httpClient = new();

    private string Target => folder.File(January.FileName);

    public void Dispose()
    {
        httpClient.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_500_is_retried_and_the_final_error_keeps_its_status()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server, maxAttempts: 2).DownloadAsync(January, Target));

        Assert.Equal(2, server.Requests);
        Assert.Equal((TlcDownloadFailure.HttpError, HttpStatusCode.InternalServerError), (failure.Reason, failure.StatusCode));
        Assert.Equal("the server answered HTTP 500 Internal Server Error (gave up after 2 attempt(s))", failure.Detail);
    }

    [Fact]
    public async Task A_body_that_is_not_parquet_is_quoted_with_unprintable_bytes_as_dots()
    {
        // Space and tilde are the printable edges; 0x1F and 0x7F (DEL) just outside them; only four bytes are quoted.
        byte[] body = [0x20, 0x7E, 0x1F, 0x7F, .. "PAR1PAR1PAR1"u8];
        await using var server = await LoopbackServer.ServingAsync(body);

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server).DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.NotParquet, failure.Reason);
        Assert.Equal("the body (16 bytes) does not start with the Parquet magic 'PAR1' (starts with ' ~..')", failure.Detail);
    }

    [Fact]
    public async Task A_body_too_short_for_a_footer_is_truncated()
    {
        await using var server = await LoopbackServer.ServingAsync([.. "PAR1PAR1"u8]);

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server).DownloadAsync(January, Target));

        Assert.Equal(TlcDownloadFailure.Truncated, failure.Reason);
        Assert.Equal("the body is only 8 bytes, too short for a Parquet footer (gave up after 1 attempt(s))", failure.Detail);
    }

    [Fact]
    public async Task A_footer_length_beyond_the_body_is_truncated()
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, 1000);
        await using var server = await LoopbackServer.ServingAsync([.. "PAR1"u8, .. new byte[8], .. length, .. "PAR1"u8]);

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server).DownloadAsync(January, Target));

        Assert.Equal("the footer length 1000 does not fit in the 20-byte body (gave up after 1 attempt(s))", failure.Detail);
    }

    [Fact]
    public async Task A_checksum_mismatch_quotes_both_hashes()
    {
        await using var server = await LoopbackServer.ServingAsync(month.Bytes);
        var wrong = new string('0', 64);

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server).DownloadAsync(January, Target, wrong));

        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(month.Bytes));
        Assert.Equal($"SHA-256 is {actual}, expected {wrong}", failure.Detail);
    }

    [Fact]
    public async Task A_connection_cut_mid_body_says_so()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentLength = month.Bytes.Length;
            await context.Response.Body.WriteAsync(month.Bytes.AsMemory(0, month.Bytes.Length / 2));
        });

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() => Downloader(server).DownloadAsync(January, Target));

        Assert.StartsWith("the connection ended before the whole body arrived (", failure.Detail, StringComparison.Ordinal);
        Assert.EndsWith(") (gave up after 1 attempt(s))", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_says_it_could_not_be_reached()
    {
        Uri closed;
        await using (var server = await LoopbackServer.ServingAsync(month.Bytes))
        {
            closed = server.BaseUri;
        }

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() =>
            new HttpTlcDownloader(httpClient, new TlcDownloadOptions { BaseUri = closed, MaxAttempts = 1 }).DownloadAsync(January, Target));

        Assert.StartsWith("the server could not be reached (", failure.Detail, StringComparison.Ordinal);
        Assert.EndsWith(") (gave up after 1 attempt(s))", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_attempt_of_a_timeout_says_how_long_it_waited()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));

        var failure = await Assert.ThrowsAsync<TlcDownloadException>(() =>
            Downloader(server, attemptTimeout: TimeSpan.FromSeconds(1)).DownloadAsync(January, Target));

        Assert.Equal("timed out after 1 attempt(s) of at most 1 s each", failure.Detail);
        Assert.Equal("no complete answer within 00:00:01", Assert.IsType<TlcDownloadException>(failure.InnerException).Detail);
    }

    [Fact]
    public async Task A_target_without_a_parent_folder_is_refused()
    {
        await using var server = await LoopbackServer.ServingAsync(month.Bytes);
        var root = Path.GetPathRoot(Path.GetTempPath())!;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Downloader(server).DownloadAsync(January, root));

        Assert.Equal($"'{root}' has no parent folder to write into. (Parameter 'path')", error.Message);
    }

    private HttpTlcDownloader Downloader(LoopbackServer server, int maxAttempts = 1, TimeSpan? attemptTimeout = null) =>
        new(httpClient, new TlcDownloadOptions
        {
            BaseUri = server.BaseUri,
            MaxAttempts = maxAttempts,
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
        });
}
