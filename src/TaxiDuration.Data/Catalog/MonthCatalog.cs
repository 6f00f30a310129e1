using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Trips;

namespace TaxiDuration.Data.Catalog;

/// <summary>
/// Finds the Parquet file for a month: the real file in the data folder, else a fresh download, else (only when
/// allowed) a synthetic stand-in with a loud warning. Every answer says which of the three it is.
/// </summary>
public sealed class MonthCatalog
{
    private readonly MonthCatalogOptions options;
    private readonly ITlcDownloader downloader;
    private readonly SyntheticMonthGenerator generator;
    private readonly ILogger logger;

    /// <param name="options">Validated here; invalid options throw <see cref="ArgumentException"/>.</param>
    /// <param name="downloader">Fetches missing months when <see cref="MonthCatalogOptions.AllowDownload"/> is set.</param>
    /// <param name="generator">Writes stand-in months when <see cref="MonthCatalogOptions.AllowSynthetic"/> is set.</param>
    /// <param name="logger">Receives the download and synthetic-data warnings.</param>
    public MonthCatalog(MonthCatalogOptions options, ITlcDownloader downloader, SyntheticMonthGenerator generator, ILogger<MonthCatalog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(downloader);
        ArgumentNullException.ThrowIfNull(generator);
        options.Validate();
        this.options = options;
        this.downloader = downloader;
        this.generator = generator;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Where the real file of <paramref name="month"/> is expected.</summary>
    public string RealPathOf(TaxiMonth month) => Path.GetFullPath(Path.Combine(options.DataDirectory, month.FileName));

    /// <summary>Where a download of <paramref name="month"/> is (or would be) kept.</summary>
    public string CachedPathOf(TaxiMonth month) => Path.GetFullPath(Path.Combine(options.CacheDirectory, month.FileName));

    /// <exception cref="MonthNotAvailableException">
    /// No real file, no download, and synthetic data not allowed; the message says where it looked, what it tried
    /// and how to fix it.
    /// </exception>
    public async Task<MonthFile> ResolveAsync(TaxiMonth month, CancellationToken cancellationToken)
    {
        var realPath = RealPathOf(month);
        if (File.Exists(realPath))
        {
            return new MonthFile(month, realPath, DataOrigin.Real);
        }

        var cachedPath = CachedPathOf(month);
        if (File.Exists(cachedPath))
        {
            return new MonthFile(month, cachedPath, DataOrigin.Real);
        }

        var source = downloader.SourceOf(month);
        TlcDownloadException? downloadFailure = null;
        if (options.AllowDownload)
        {
            try
            {
                logger.LogInformation("{Month} is not in {Folder}; downloading {Url} into {Cache}", month, options.DataDirectory, source, options.CacheDirectory);
                var downloaded = await downloader.DownloadAsync(
                    month, cachedPath, progress: new DownloadProgressLog(logger, month), cancellationToken: cancellationToken);
                return new MonthFile(month, downloaded.Path, DataOrigin.Downloaded);
            }
            catch (TlcDownloadException failure)
            {
                downloadFailure = failure;
                logger.LogWarning("Could not download {Month}: {Reason}", month, failure.Message);
            }
        }

        var whyNotReal = downloadFailure is null
            ? $"no file at {realPath} and downloads are disabled"
            : $"no file at {realPath} and {downloadFailure.Message}";
        if (!options.AllowSynthetic)
        {
            throw new MonthNotAvailableException(
                month,
                realPath,
                source,
                $"{month} is not available: {whyNotReal}. To fix: set {MonthCatalogOptions.DataDirectoryVariable} to a folder holding "
                + $"{month.FileName} (or put the file in {options.DataDirectory}), allow downloads with network access to {source}, "
                + "or, to run on generated data that says nothing about real trips, pass --allow-synthetic (Data:AllowSynthetic=true).",
                downloadFailure);
        }

        return await SyntheticStandInAsync(month, whyNotReal, cancellationToken);
    }

    private async Task<MonthFile> SyntheticStandInAsync(TaxiMonth month, string whyNotReal, CancellationToken cancellationToken)
    {
        var settings = options.Synthetic;
        var path = Path.GetFullPath(Path.Combine(options.SyntheticDirectory, month.FileName));
        if (!File.Exists(path))
        {
            await generator.WriteAsync(month, path, settings, cancellationToken);
        }

        var warning = $"{month} uses SYNTHETIC data (scenario {settings.Scenario}, seed {settings.Seed}) from {path} because {whyNotReal}; "
            + "its results say nothing about real taxi trips.";
        logger.LogWarning("{Warning}", warning);
        return new MonthFile(month, path, DataOrigin.Synthetic) { Warning = warning };
    }
}
