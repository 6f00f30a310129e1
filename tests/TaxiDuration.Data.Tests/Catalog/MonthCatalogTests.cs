using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Data.Tests.Download;
using TaxiDuration.Data.Tests.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Tests.Catalog;

public sealed class MonthCatalogTests(ServedMonthFixture month) : IClassFixture<ServedMonthFixture>, IDisposable
{
    private static readonly TaxiMonth January = SyntheticMonths.January2021;

    private readonly TemporaryFolder data = new();
    private readonly TemporaryFolder cache = new();
    private readonly HttpClient httpClient = new();
    private readonly RecordingLogger<MonthCatalog> logger = new();

    [Fact]
    public async Task A_month_already_in_the_data_folder_is_real_and_nothing_is_downloaded()
    {
        await File.WriteAllBytesAsync(data.File(January.FileName), month.Bytes);
        var downloader = new UnreachableDownloader();

        var file = await Catalog(downloader, allowSynthetic: true).ResolveAsync(January, CancellationToken.None);

        Assert.Equal(new MonthFile(January, data.File(January.FileName), DataOrigin.Real), file);
        Assert.Null(file.Warning);
        Assert.Equal(0, downloader.Calls);
    }

    [Fact]
    public async Task A_missing_month_is_downloaded_into_the_cache_never_into_the_data_folder()
    {
        await using var server = await LoopbackServer.ServingAsync(month.Bytes);

        var file = await Catalog(Downloader(server)).ResolveAsync(January, CancellationToken.None);

        Assert.Equal(DataOrigin.Downloaded, file.Origin);
        Assert.Equal(cache.File(January.FileName), file.Path);
        Assert.Empty(data.Files());
        Assert.Equal(ServedMonthFixture.Rows, (await new TlcTripReader().ReadAllAsync(file.Path)).Length);
        Assert.Equal(DataOrigin.Real, (await Catalog(new UnreachableDownloader()).ResolveAsync(January, CancellationToken.None)).Origin);
        var progress = logger.Entries.Where(entry => entry.Message.StartsWith($"Downloading {January}:", StringComparison.Ordinal)).ToList();
        Assert.InRange(progress.Count, 2, 11);
        Assert.EndsWith("(100 %)", progress[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpublished_month_falls_back_to_synthetic_data_with_a_warning_when_allowed()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        var options = Options(allowSynthetic: true);
        options.Synthetic = new SyntheticMonthOptions { Rows = 1_500, Seed = 3 };

        var file = await new MonthCatalog(options, Downloader(server), new SyntheticMonthGenerator(), logger).ResolveAsync(January, CancellationToken.None);

        Assert.Equal(DataOrigin.Synthetic, file.Origin);
        Assert.True(file.IsSynthetic);
        Assert.StartsWith(Path.Combine(cache.Path, "synthetic") + Path.DirectorySeparatorChar, file.Path, StringComparison.Ordinal);
        Assert.Empty(data.Files());
        Assert.Equal(1_500, (await new TlcTripReader().ReadAllAsync(file.Path)).Length);
        Assert.False(File.Exists(data.File(January.FileName)), "synthetic data must never sit where a real month belongs");
        Assert.Contains("SYNTHETIC", file.Warning, StringComparison.Ordinal);
        Assert.Contains("not published", file.Warning, StringComparison.Ordinal);
        Assert.EndsWith("; its results say nothing about real taxi trips.", file.Warning, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning && entry.Message == file.Warning);
    }

    [Fact]
    public async Task Synthetic_stand_ins_are_reused_and_kept_apart_per_setting()
    {
        var catalog = Catalog(new UnreachableDownloader(), allowSynthetic: true, allowDownload: false);
        var first = await catalog.ResolveAsync(January, CancellationToken.None);
        var writtenAt = File.GetLastWriteTimeUtc(first.Path);
        var lockdown = Options(allowSynthetic: true, allowDownload: false);
        lockdown.Synthetic = new SyntheticMonthOptions { Rows = 1_000, Scenario = SyntheticScenario.Lockdown };

        var again = await catalog.ResolveAsync(January, CancellationToken.None);
        var other = await new MonthCatalog(lockdown, new UnreachableDownloader(), new SyntheticMonthGenerator()).ResolveAsync(January, CancellationToken.None);

        Assert.Equal(first.Path, again.Path);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(again.Path));
        Assert.NotEqual(first.Path, other.Path);
        Assert.Equal(450, (await new TlcTripReader().ReadAllAsync(other.Path)).Length);
    }

    [Fact]
    public async Task A_missing_month_without_fallback_is_an_error_that_says_where_it_looked_and_how_to_fix_it()
    {
        var downloader = new UnreachableDownloader();

        var failure = await Assert.ThrowsAsync<MonthNotAvailableException>(() =>
            Catalog(downloader).ResolveAsync(January, CancellationToken.None));

        Assert.Equal(1, downloader.Calls);
        Assert.Equal(data.File(January.FileName), failure.FileName);
        Assert.Equal(downloader.SourceOf(January), failure.SourceUrl);
        Assert.IsType<TlcDownloadException>(failure.InnerException);
        Assert.Contains(data.File(January.FileName), failure.Message, StringComparison.Ordinal);
        Assert.Contains(downloader.SourceOf(January).ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains("TAXI_DATA_DIR", failure.Message, StringComparison.Ordinal);
        // The fix names both ways to get the real file: the folder to put it in and the address to download it from.
        Assert.Contains(
            $"{January.FileName} (or put the file in {data.Path}), allow downloads with network access to {downloader.SourceOf(January)}, ",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Contains("--allow-synthetic", failure.Message, StringComparison.Ordinal);
        Assert.Empty(data.Files());
        Assert.Empty(cache.Files());
    }

    [Fact]
    public async Task With_downloads_disabled_the_downloader_is_never_asked()
    {
        var downloader = new UnreachableDownloader();

        var failure = await Assert.ThrowsAsync<MonthNotAvailableException>(() =>
            Catalog(downloader, allowDownload: false).ResolveAsync(January, CancellationToken.None));

        Assert.Equal(0, downloader.Calls);
        Assert.Contains("downloads are disabled", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_folder_comes_from_TAXI_DATA_DIR_else_data_under_the_content_root()
    {
        var root = data.Path;

        Assert.Equal(Path.Combine(root, "data"), MonthCatalogOptions.ResolveDataDirectory(null, root));
        Assert.Equal(Path.Combine(root, "data"), MonthCatalogOptions.ResolveDataDirectory("  ", root));
        Assert.Equal(Path.Combine(root, "shared", "tlc"), MonthCatalogOptions.ResolveDataDirectory(Path.Combine("shared", "tlc"), root));
        var elsewhere = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "elsewhere"));
        Assert.Equal(elsewhere, MonthCatalogOptions.ResolveDataDirectory(elsewhere, root));
    }

    [Fact]
    public void Invalid_options_are_refused_on_construction()
    {
        var options = Options();
        options.Synthetic = new SyntheticMonthOptions { Rows = -1 };

        var failure = Assert.Throws<ArgumentException>(() => new MonthCatalog(options, new UnreachableDownloader(), new SyntheticMonthGenerator()));

        Assert.Contains("Rows", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        httpClient.Dispose();
        data.Dispose();
        cache.Dispose();
    }

    private MonthCatalogOptions Options(bool allowSynthetic = false, bool allowDownload = true) => new()
    {
        DataDirectory = data.Path,
        CacheDirectory = cache.Path,
        AllowDownload = allowDownload,
        AllowSynthetic = allowSynthetic,
        Synthetic = new SyntheticMonthOptions { Rows = 1_000 },
    };

    private MonthCatalog Catalog(ITlcDownloader downloader, bool allowSynthetic = false, bool allowDownload = true) =>
        new(Options(allowSynthetic, allowDownload), downloader, new SyntheticMonthGenerator(), logger);

    private HttpTlcDownloader Downloader(LoopbackServer server) =>
        new(httpClient, new TlcDownloadOptions { BaseUri = server.BaseUri, MaxAttempts = 1 });
}
