using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaxiDuration.Model;
using TaxiDuration.Monitoring.Observation;
using TaxiDuration.ServiceDefaults;
using TaxiDuration.Serving.OpenApi;
using TaxiDuration.Serving.Rollout;
using TaxiDuration.Serving.Sources;

namespace TaxiDuration.Serving;

/// <summary>Registers the prediction service; a host calls this once, after <c>AddServiceDefaults</c>.</summary>
public static class ServingServiceCollectionExtensions
{
    /// <summary>Adds options (validated on start), the model loaded at start, the predictor with its metrics
    /// observer, and the readiness check. The host adds where the model comes from: <see cref="AddModelFileSource"/>
    /// (level 1) or <see cref="AddRegistryModelSource"/> (level 2 on).</summary>
    public static IServiceCollection AddDurationPredictionService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServingOptions>()
            .Bind(configuration.GetSection(ServingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RideFeaturizer>();
        services.AddSingleton<ServedModelSetHolder>();
        services.AddSingleton<IServedModelProvider>(provider => provider.GetRequiredService<ServedModelSetHolder>());
        services.AddSingleton<DurationPredictor>();
        services.AddSingleton<IPredictionObserver, PredictionMetricsObserver>();

        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServingJsonContext.Default);
            // Numbers are JSON numbers, as RideRequest demands; set for the whole API so that the OpenAPI document,
            // generated from these options, says so too (the web default documents "43" as a valid number).
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<OpenApiOptions>(ServiceDefaultsExtensions.OpenApiDocumentName, openApi =>
        {
            openApi.AddDocumentTransformer<PredictionApiDocument>();
            openApi.AddSchemaTransformer<PredictionApiSchemas>();
            openApi.AddOperationTransformer<PredictionApiResponses>();
        });
        return services;
    }

    // Levels 1 and 2: one model, loaded while the host starts (a bad one stops the start); ready once it is loaded.
    private static IServiceCollection AddModelLoadedAtStart(this IServiceCollection services)
    {
        services.AddSingleton<ServedModelLoader>();
        // The build's OpenAPI generator starts the host to read its document, with no model to load.
        if (!BuildTimeOpenApiGeneration.IsRunning)
        {
            services.AddHostedService<ModelLoadingService>();
        }

        services.AddHealthChecks().AddCheck<ModelReadyHealthCheck>("model", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return services;
    }

    /// <summary>Level 1's model source: the file named by <c>Model:Path</c> (env var <c>Model__Path</c>), validated on start.</summary>
    public static IServiceCollection AddModelFileSource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ModelOptions>()
            .Bind(configuration.GetSection(ModelOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddModelLoadedAtStart();
        services.AddSingleton<ModelFileSource>();
        services.AddSingleton<IModelSource>(provider => provider.GetRequiredService<ModelFileSource>());
        services.AddHealthChecks().AddCheck<ModelFileChangeHealthCheck>("model-file", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Level 2's model source: the version an alias of the registry points to (<c>Registry:ModelUri</c>, default
    /// <c>taxi-duration@champion</c>), its artifact verified against the registered SHA-256. The registry itself is
    /// the tracking store's (e.g. <c>AddTrackingStore</c>), registered by the host.
    /// </summary>
    public static IServiceCollection AddRegistryModelSource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RegistryOptions>()
            .Bind(configuration.GetSection(RegistryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddModelLoadedAtStart();
        services.TryAddSingleton<RegisteredModelLoader>();
        services.AddSingleton<IModelSource, RegistryModelSource>();
        return services;
    }

    /// <summary>
    /// Level 3's source: the variants and shadow of <c>Rollout</c> follow their registry aliases, hot-reloaded
    /// (verified, warmed up, swapped atomically) with no restart; shadow scoring and the prediction log's feed run
    /// off the response path. The registry is the tracking store's, registered by the host. The service starts
    /// without a champion and becomes ready when one is promoted.
    /// </summary>
    public static IServiceCollection AddRegistryRollout(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RolloutOptions>()
            .Bind(configuration.GetSection(RolloutOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<RegisteredModelLoader>();
        services.AddSingleton<VerifiedModelLoader>();
        services.AddSingleton<RolloutState>();
        services.AddSingleton<RolloutMetrics>();
        services.AddSingleton<RegistryRolloutService>();
        // The build's OpenAPI generator starts the host to read its document, with no tracking store to follow.
        if (!BuildTimeOpenApiGeneration.IsRunning)
        {
            services.AddHostedService(provider => provider.GetRequiredService<RegistryRolloutService>());
        }

        services.AddSingleton<ShadowScoring>();
        services.AddHostedService(provider => provider.GetRequiredService<ShadowScoring>());
        services.AddSingleton<IPredictionObserver>(provider => provider.GetRequiredService<ShadowScoring>());
        services.AddHealthChecks().AddCheck<RolloutHealthCheck>("rollout", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return services;
    }
}
