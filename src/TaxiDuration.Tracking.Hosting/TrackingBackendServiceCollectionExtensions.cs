using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting;

/// <summary>
/// Registers the host's <see cref="IExperimentTracker"/> and <see cref="IModelRegistry"/> on the backend its
/// configuration names, so switching a team to a server store is a setting, not a code change in any level.
/// </summary>
public static class TrackingBackendServiceCollectionExtensions
{
    /// <summary>Environment variable (read through configuration) holding the PostgreSQL connection string.</summary>
    public const string PostgresVariable = "TAXI_TRACKING_POSTGRES";

    /// <summary>
    /// PostgreSQL when <c>Tracking:Postgres</c> (or <see cref="PostgresVariable"/>) holds a connection string, with
    /// the artifact bytes in the <c>artifacts</c> folder of the store folder every host already names
    /// (<c>Tracking:Directory</c> or <c>TAXI_TRACKING_DIR</c>, a path all of them mount); otherwise the embedded SQLite
    /// store in that folder.
    /// </summary>
    /// <param name="access">What the host may do; a read-only host (serving) never migrates, on either backend.</param>
    public static IServiceCollection AddTrackingStore(this IServiceCollection services, IConfiguration configuration, TrackingStoreAccess? access = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (PostgresConnectionString(configuration) is not { } connectionString)
        {
            return services.AddSqliteTrackingStore(configuration, access);
        }

        var readOnly = (access ?? ConfiguredAccess(configuration)) == TrackingStoreAccess.ReadOnly;
        return services.AddPostgresTracking(contentRoot => PostgresOptions(configuration, contentRoot, connectionString, readOnly));
    }

    /// <summary>
    /// The PostgreSQL store's options as <see cref="AddTrackingStore"/> resolves them: the artifact bytes stay in the
    /// embedded store's <c>artifacts</c> folder, so moving a store to the server leaves them in place.
    /// </summary>
    public static PostgresTrackingOptions PostgresOptions(IConfiguration configuration, string contentRoot, string connectionString, bool readOnly = false) => new()
    {
        ConnectionString = connectionString,
        ArtifactRoot = TrackingServiceCollectionExtensions.StoreOptions(configuration, contentRoot).ResolvedArtifactRoot,
        ReadOnly = readOnly,
    };

    /// <summary>The configured PostgreSQL connection string, or null for the embedded store.</summary>
    public static string? PostgresConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(TrackingServiceCollectionExtensions.SectionName)["Postgres"] is { Length: > 0 } configured
            ? configured
            : configuration[PostgresVariable] is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
    }

    private static TrackingStoreAccess? ConfiguredAccess(IConfiguration configuration) =>
        Enum.TryParse<TrackingStoreAccess>(configuration.GetSection(TrackingServiceCollectionExtensions.SectionName)["Access"], ignoreCase: true, out var named)
            ? named
            : null;
}
