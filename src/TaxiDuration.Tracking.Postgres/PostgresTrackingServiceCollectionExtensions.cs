using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// Registers the PostgreSQL tracking store as the host's <see cref="IExperimentTracker"/> and
/// <see cref="IModelRegistry"/>, the counterpart of the SQLite backend's <c>AddSqliteTrackingStore</c>. Which backend a host
/// uses is the host's choice (configuration); this only knows how to build this one.
/// </summary>
public static class PostgresTrackingServiceCollectionExtensions
{
    /// <summary>
    /// One store per host, opened (and, unless read-only, migrated) on first use; the container disposes it, and with
    /// it its connection pool, when the host stops.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string; the database must exist.</param>
    /// <param name="artifactRoot">The shared artifact folder; a relative path is relative to the host's content root.</param>
    /// <param name="readOnly">Serving: no migration, read-only sessions (see <see cref="PostgresTrackingOptions.ReadOnly"/>).</param>
    public static IServiceCollection AddPostgresTracking(this IServiceCollection services, string connectionString, string artifactRoot, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactRoot);
        return services.AddPostgresTracking(contentRoot => new PostgresTrackingOptions
        {
            ConnectionString = connectionString,
            ArtifactRoot = Path.GetFullPath(artifactRoot, contentRoot),
            ReadOnly = readOnly,
        });
    }

    /// <summary>The same from options built once the content root is known (every setting, e.g. retries).</summary>
    public static IServiceCollection AddPostgresTracking(this IServiceCollection services, Func<string, PostgresTrackingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(provider => options(
            provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()));
        services.AddSingleton(provider => PostgresTrackingStore.Open(
            provider.GetRequiredService<PostgresTrackingOptions>(), provider.GetService<TimeProvider>()));
        services.AddSingleton(provider => provider.GetRequiredService<PostgresTrackingStore>().Tracker);
        services.AddSingleton(provider => provider.GetRequiredService<PostgresTrackingStore>().Registry);
        return services;
    }
}
