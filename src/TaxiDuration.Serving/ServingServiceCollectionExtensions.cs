using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace TaxiDuration.Serving;

/// <summary>Registers everything the prediction service needs; a host calls this once.</summary>
public static class ServingServiceCollectionExtensions
{
    /// <summary>Adds options (validated on start), the model loaded at start, pooled engines, metrics, health
    /// checks, ProblemDetails error handling and the OpenAPI document.</summary>
    public static IServiceCollection AddDurationPredictionService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ModelOptions>()
            .Bind(configuration.GetSection(ModelOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
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
}
