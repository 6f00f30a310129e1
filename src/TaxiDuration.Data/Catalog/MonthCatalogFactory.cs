using Microsoft.Extensions.Logging;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Synthetic;

namespace TaxiDuration.Data.Catalog;

/// <summary>The catalog as every host wires it: the TLC downloader over <paramref name="http"/> and the synthetic generator.</summary>
public static class MonthCatalogFactory
{
    /// <param name="http">Owned by the caller (one per process is enough: a host downloads a few files at most).</param>
    public static MonthCatalog Create(MonthCatalogOptions options, HttpClient http, ILoggerFactory? loggers = null) =>
        new(
            options,
            new HttpTlcDownloader(http, new TlcDownloadOptions(), TimeProvider.System, loggers?.CreateLogger<HttpTlcDownloader>()),
            new SyntheticMonthGenerator(),
            loggers?.CreateLogger<MonthCatalog>());
}
