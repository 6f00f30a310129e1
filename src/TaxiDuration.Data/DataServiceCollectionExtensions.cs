using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Download;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Data.Validation;

namespace TaxiDuration.Data;

/// <summary>Registers the month catalog and everything it needs; every host that reads TLC months calls this once.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The catalog (real months in <c>Data:DataDirectory</c>, else the folder in <c>TAXI_DATA_DIR</c>, else
    /// <c>data/</c>, relative to the content root; downloads and synthetic months in <c>Data:CacheDirectory</c>, else
    /// <c>data/</c>, never in a folder the person pointed at), the TLC downloader over a factory-made <see cref="HttpClient"/>
    /// (<c>Data:Download</c>), the synthetic generator, the Parquet reader and the validator (<c>Data:Validation</c>).
    /// </summary>
    public static IServiceCollection AddMonthCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(service => service.ServiceType == typeof(MonthCatalog)))
        {
            return services; // several building blocks need the catalog; the first registration serves them all
        }

        var section = configuration.GetSection(MonthCatalogOptions.SectionName);
        services.AddOptions<MonthCatalogOptions>()
            .Bind(section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                options.DataDirectory = MonthCatalogOptions.ResolveDataDirectory(
                    section[nameof(MonthCatalogOptions.DataDirectory)] ?? configuration[MonthCatalogOptions.DataDirectoryVariable],
                    environment.ContentRootPath);
                options.CacheDirectory = MonthCatalogOptions.ResolveDataDirectory(section[nameof(MonthCatalogOptions.CacheDirectory)], environment.ContentRootPath);
            })
            // Stryker disable once String : equivalent, Validates never returns false: it throws the precise message instead.
            .Validate(Validates<MonthCatalogOptions>(options => options.Validate()), "invalid Data options")
            .ValidateOnStart();
        services.AddOptions<TlcDownloadOptions>().Bind(section.GetSection("Download"));
        services.AddOptions<DataValidationOptions>().Bind(section.GetSection("Validation"));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<ITlcDownloader, HttpTlcDownloader>()
            // The downloader times each attempt itself (TlcDownloadOptions.AttemptTimeout) and retries.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient(provider => provider.GetRequiredService<IOptions<TlcDownloadOptions>>().Value);
        services.AddSingleton<SyntheticMonthGenerator>();
        services.AddSingleton<ITripReader, TlcTripReader>();
        services.AddSingleton(provider => new TripDataValidator(provider.GetRequiredService<IOptions<DataValidationOptions>>().Value));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<MonthCatalog>(
            provider, provider.GetRequiredService<IOptions<MonthCatalogOptions>>().Value));
        return services;
    }

    // Options validators report by returning false; the options' own Validate throws with the precise message,
    // which is what a person needs at start-up, so it is rethrown as the options failure.
    private static Func<T, bool> Validates<T>(Action<T> validate) => options =>
    {
        try
        {
            validate(options);
            return true;
        }
        catch (ArgumentException invalid)
        {
            throw new OptionsValidationException(typeof(T).Name, typeof(T), [invalid.Message]);
        }
    };
}
