using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace TaxiDuration.Serving;

/// <summary>Maps the prediction API, health probes, Prometheus metrics and the OpenAPI document.</summary>
public static class ServingEndpoints
{
    /// <summary>Health checks with this tag decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>POST /predict</c>, <c>POST /predict/batch</c>, <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c>
    /// and <c>/openapi/v1.json</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapDurationPredictionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var predict = endpoints.MapGroup("/predict").WithTags("Prediction");
        predict.MapPost("", PredictionHandlers.Predict)
            .WithName("Predict")
            .WithSummary("Predicts one taxi ride's duration in minutes.");
        predict.MapPost("/batch", PredictionHandlers.PredictBatch)
            .WithName("PredictBatch")
            .WithSummary("Predicts the durations of several rides, in request order.");

        // Live: the process answers. Ready: it can predict (a model is loaded), so traffic may be routed to it.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });

        var registry = endpoints.ServiceProvider.GetRequiredService<CollectorRegistry>();
        endpoints.MapMetrics("/metrics", registry);
        endpoints.MapOpenApi();
        return endpoints;
    }
}
