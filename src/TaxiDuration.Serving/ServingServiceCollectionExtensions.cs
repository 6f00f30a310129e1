using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;
using TaxiDuration.Serving.Sources;

namespace TaxiDuration.Serving;

/// <summary>Registers everything the prediction service needs; a host calls this once.</summary>
public static class ServingServiceCollectionExtensions
{
    /// <summary>Adds options (validated on start), the model loaded at start, pooled engines, metrics, health
    /// checks, ProblemDetails error handling and the OpenAPI document. The host adds where the model comes from:
    /// <see cref="AddModelFileSource"/> (level 1) or <see cref="AddRegistryModelSource"/> (level 2 on).</summary>
    public static IServiceCollection AddDurationPredictionService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServingOptions>()
            .Bind(configuration.GetSection(ServingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RideFeaturizer>();
        services.AddSingleton<ServedModelLoader>();
        services.AddSingleton<ServedModelHolder>();
        services.AddSingleton<IServedModelProvider>(provider => provider.GetRequiredService<ServedModelHolder>());
        services.AddHostedService<ModelLoadingService>();

        // One registry per host rather than prometheus-net's static default: hosts in one process (tests) stay apart.
        services.AddSingleton(_ =>
        {
            var registry = Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.AddSingleton<PredictionMetrics>();

        services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServingJsonContext.Default));
        // Outside Development minimal APIs answer binding failures with an empty 400; throwing lets
        // BadRequestExceptionHandler describe them as ProblemDetails in every environment.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        services.AddHealthChecks().AddCheck<ModelReadyHealthCheck>("model", tags: [ServingEndpoints.ReadyTag]);
        services.AddOpenApi();
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
        services.AddSingleton<IModelSource, ModelFileSource>();
        return services;
    }

    /// <summary>
    /// Level 2's model source: the version an alias of the registry points to (<c>Registry:ModelUri</c>, default
    /// <c>taxi-duration@champion</c>), its artifact verified against the registered SHA-256. The store is the one
    /// named by <c>TAXI_TRACKING_DIR</c> (or <c>Registry:StoreDirectory</c>).
    /// </summary>
    public static IServiceCollection AddRegistryModelSource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RegistryOptions>()
            .Bind(configuration.GetSection(RegistryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IModelSource, RegistryModelSource>();
        return services;
    }
}
