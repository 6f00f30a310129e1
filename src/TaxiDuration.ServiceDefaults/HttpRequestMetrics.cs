using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// Requests and their latency by status code, method and endpoint, with every label drawn from a bounded set: the
/// method is one of HTTP's own or "other" (a client inventing methods cannot grow /metrics), and the endpoint is
/// the route pattern chosen before the request runs, so a binding failure, a body over the limit or a 5xx is counted
/// against its endpoint (not against an empty one), so is a content type routing refuses (415), and a request no
/// route matches (404, or 405 for a method none of the path's routes takes) is "unmatched".
/// </summary>
internal sealed class HttpRequestMetrics(CollectorRegistry registry, RejectedRequestRoutes rejected)
{
    public const string Unmatched = "unmatched";
    public const string OtherMethod = "other";

    private static readonly string[] Labels = ["code", "method", "endpoint"];
    private static readonly string[] KnownMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"];
    private static readonly string[] StatusCodes = [.. Enumerable.Range(0, 600).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    // "/predict/" (a group's root) and "/predict" are one endpoint to a reader of the metrics; normalised once per
    // route pattern, not once per request.
    private static readonly ConcurrentDictionary<string, string> EndpointLabels = new(StringComparer.Ordinal);

    private readonly Counter requests = Metrics.WithCustomRegistry(registry).CreateCounter(
        "http_requests_received_total", "HTTP requests processed, by status code, method and endpoint.", Labels);

    private readonly Histogram duration = Metrics.WithCustomRegistry(registry).CreateHistogram(
        "http_request_duration_seconds", "Duration of HTTP requests, by status code, method and endpoint.", Labels,
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 12) });

    // The labelled children per (code, method, endpoint), looked up once: prometheus-net's WithLabels builds and
    // hashes a label sequence on every call, a measurable share of a 30 µs request. The key space is bounded
    // like the labels themselves.
    private readonly ConcurrentDictionary<(int Code, string Method, string Endpoint), (Counter.Child Requests, Histogram.Child Duration)> children = new();

    /// <summary>The endpoint label of a routed request; read it before the request runs (the exception handler clears the endpoint).</summary>
    public string EndpointLabel(HttpContext context) => context.GetEndpoint() switch
    {
        RouteEndpoint { RoutePattern.RawText: { } pattern } => Normalised(pattern),
        null => Unmatched,
        // Routing's own 405/415 answer: no pattern of its own, but a 415 is for one of the app's routes.
        _ => rejected.Find(context.Request.Method, context.Request.Path) is { } pattern ? Normalised(pattern) : Unmatched,
    };

    public void Record(int statusCode, string method, string endpointLabel, TimeSpan elapsed)
    {
        var series = Series(Math.Clamp(statusCode, 0, 599), MethodLabel(method), endpointLabel);
        series.Requests.Inc();
        series.Duration.Observe(elapsed.TotalSeconds);
    }

    internal static string MethodLabel(string method)
    {
        foreach (var known in KnownMethods)
        {
            if (string.Equals(method, known, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return OtherMethod;
    }

    private (Counter.Child Requests, Histogram.Child Duration) Series(int code, string method, string endpoint) =>
        children.TryGetValue((code, method, endpoint), out var series)
            ? series
            : children.GetOrAdd((code, method, endpoint), key =>
            {
                string[] labels = [StatusCodes[key.Code], key.Method, key.Endpoint];
                return (requests.WithLabels(labels), duration.WithLabels(labels));
            });

    private static string Normalised(string pattern) =>
        EndpointLabels.GetOrAdd(pattern, static raw => raw.Length > 1 ? "/" + raw.Trim('/') : "/");
}
