using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace TaxiDuration.Serving;

/// <summary>The prediction service's middleware, in the one order that makes every response measured and every error a ProblemDetails.</summary>
public static class ServingApplicationBuilderExtensions
{
    /// <summary>HTTP metrics (outermost, so they see the final status code), exception → ProblemDetails,
    /// empty error responses → ProblemDetails, the body size limit, then routing.</summary>
    public static IApplicationBuilder UseDurationPredictionPipeline(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registry = app.ApplicationServices.GetRequiredService<CollectorRegistry>();
        app.UseHttpMetrics(metrics => metrics.SetMetricFactory(Metrics.WithCustomRegistry(registry)));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        return app;
    }
}
