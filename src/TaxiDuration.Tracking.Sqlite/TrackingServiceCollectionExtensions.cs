using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiDuration.Tracking.Sqlite;

/// <summary>
/// Registers the embedded tracking store as the host's <see cref="IExperimentTracker"/> and <see cref="IModelRegistry"/>.
/// Hosts call TaxiDuration.Tracking.Hosting's <c>AddTrackingStore</c>, which picks this or the PostgreSQL backend.
/// </summary>
public static class TrackingServiceCollectionExtensions
{
    /// <summary>The configuration section: <c>Tracking:Directory</c> names the store's folder.</summary>
    public const string SectionName = "Tracking";

    /// <summary>
    /// One store per host, opened (and, unless read-only, migrated) on first use: in <c>Tracking:Directory</c>, else
    /// the folder in <c>TAXI_TRACKING_DIR</c>, else <c>tracking/</c>, relative to the content root.
    /// </summary>
    /// <param name="access">What the host may do; null reads <c>Tracking:Access</c> (default <see cref="TrackingStoreAccess.Create"/>).</param>
    public static IServiceCollection AddSqliteTrackingStore(this IServiceCollection services, IConfiguration configuration, TrackingStoreAccess? access = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(provider => StoreOptions(configuration, provider.GetRequiredService<IHostEnvironment>().ContentRootPath, access));
        services.AddSingleton(provider => TrackingStore.Open(
            provider.GetRequiredService<TrackingStoreOptions>(), provider.GetService<TimeProvider>()));
        services.AddSingleton(provider => provider.GetRequiredService<TrackingStore>().Tracker);
        services.AddSingleton(provider => provider.GetRequiredService<TrackingStore>().Registry);
        return services;
    }

    /// <summary>The store's options as <see cref="AddSqliteTrackingStore"/> resolves them (hosts print where the store is).</summary>
    public static TrackingStoreOptions StoreOptions(IConfiguration configuration, string contentRoot, TrackingStoreAccess? access = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var folder = section["Directory"] is { Length: > 0 } configured
            ? configured
            : configuration[TrackingStoreOptions.DirectoryVariable] is { Length: > 0 } fromEnvironment ? fromEnvironment : "tracking";
        return new TrackingStoreOptions
        {
            DatabasePath = Path.Combine(Path.GetFullPath(folder, contentRoot), TrackingStoreOptions.DatabaseFileName),
            Access = access ?? (Enum.TryParse<TrackingStoreAccess>(section["Access"], ignoreCase: true, out var named) ? named : TrackingStoreAccess.Create),
        };
    }
}
