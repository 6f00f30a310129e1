using Prometheus;
using Prometheus.HttpMetrics;

namespace TaxiDuration.ServiceDefaults;

/// <summary>The HTTP series every service exports: requests and their latency, by status code, method and endpoint.</summary>
internal static class HttpMetricsConfiguration
{
    private static readonly string[] Labels = ["code", "method", "endpoint"];

    public static void Apply(HttpMiddlewareExporterOptions metrics, CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        metrics.SetMetricFactory(factory);
        // Every label is resolved on every request. Minimal APIs have no controller or action, so the series keep
        // what says something here, and the in-flight gauge is off: the latency histogram says how busy we are.
        metrics.InProgress.Enabled = false;
        metrics.RequestCount.Counter = factory.CreateCounter(
            "http_requests_received_total", "HTTP requests processed, by status code, method and endpoint.", Labels);
        metrics.RequestDuration.Histogram = factory.CreateHistogram(
            "http_request_duration_seconds", "Duration of HTTP requests, by status code, method and endpoint.", Labels,
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 12) });
    }
}
