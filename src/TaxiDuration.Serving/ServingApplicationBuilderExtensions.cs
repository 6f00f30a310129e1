using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace TaxiDuration.Serving;

/// <summary>The prediction service's middleware, in the one order that makes every response measured and every error a ProblemDetails.</summary>
public static class ServingApplicationBuilderExtensions
{
    private static readonly string[] HttpLabels = ["code", "method", "endpoint"];

    /// <summary>HTTP metrics (outermost, so they see the final status code), exception → ProblemDetails,
    /// empty error responses → ProblemDetails, the body size limit, then routing.</summary>
    public static IApplicationBuilder UseDurationPredictionPipeline(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registry = app.ApplicationServices.GetRequiredService<CollectorRegistry>();
        var factory = Metrics.WithCustomRegistry(registry);
        app.UseHttpMetrics(metrics =>
        {
            metrics.SetMetricFactory(factory);
            // Every label is resolved on every request. Minimal APIs have no controller or action, so the series
            // keep what says something here (status code, method, endpoint), and the in-flight gauge is off: the
            // latency histogram already says how busy the service is.
            metrics.InProgress.Enabled = false;
            metrics.RequestCount.Counter = factory.CreateCounter(
                "http_requests_received_total", "HTTP requests processed, by status code, method and endpoint.", HttpLabels);
            metrics.RequestDuration.Histogram = factory.CreateHistogram(
                "http_request_duration_seconds", "Duration of HTTP requests, by status code, method and endpoint.", HttpLabels,
                new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 12) });
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        return app;
    }
}
