using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// Each request measured once, when it is answered, and reported twice: in the Prometheus series of
/// <see cref="HttpRequestMetrics"/>, and as one log line with method, path (never the query string, which may carry
/// what should not be logged), status code, time taken and the trace id, so that a client's ProblemDetails
/// <c>traceId</c> or <c>traceparent</c> leads straight to it. The framework's own per-request lines stay off (two
/// per request, and without the final status); probes and scrapes, which arrive every few seconds, log at Debug.
/// </summary>
internal sealed partial class RequestTelemetryMiddleware(
    RequestDelegate next, HttpRequestMetrics metrics, ILogger<RequestTelemetryMiddleware> logger, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Read now: the exception handler clears the endpoint before it writes its ProblemDetails.
        var endpoint = context.GetEndpoint();
        var endpointLabel = metrics.EndpointLabel(context);
        var started = clock.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var request = context.Request;
            var elapsed = clock.GetElapsedTime(started);
            // An exception nothing handled becomes a 500 once it leaves the pipeline, unless the answer had started.
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            metrics.Record(status, request.Method, endpointLabel, elapsed);
            var level = endpoint?.Metadata.GetMetadata<DebugRequestLogMetadata>() is null ? LogLevel.Information : LogLevel.Debug;
            if (logger.IsEnabled(level))
            {
                LogAnswered(logger, level, request.Method, request.PathBase.Add(request.Path).ToString(), status,
                    Math.Round(elapsed.TotalMilliseconds, 3), RequestTrace.TraceId(context));
            }
        }
    }

    [LoggerMessage(EventId = 1, EventName = "RequestAnswered", Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms (trace {TraceId})")]
    private static partial void LogAnswered(ILogger logger, LogLevel level, string method, string path, int statusCode, double elapsedMilliseconds, string? traceId);
}

/// <summary>Marks an endpoint whose requests are logged at Debug: probes and scrapes, which would drown the rest.</summary>
internal sealed class DebugRequestLogMetadata
{
    public static readonly DebugRequestLogMetadata Instance = new();
}
