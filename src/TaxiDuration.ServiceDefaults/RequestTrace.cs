using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// The W3C trace a request belongs to: the caller's when it sent a <c>traceparent</c> header, else a new one. The same
/// id is in the request's log line, in every log line written while it runs, in its ProblemDetails <c>traceId</c> and
/// in whatever else it records (the level-3 prediction log), so one id finds all of them.
/// </summary>
public static class RequestTrace
{
    /// <summary>The request's trace id (32 lowercase hex digits), or null when the request has no activity.</summary>
    public static string? TraceId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The activity ASP.NET Core started for the request itself (not a child some handler started), W3C by default.
        return context.Features.Get<IHttpActivityFeature>()?.Activity is { IdFormat: ActivityIdFormat.W3C } activity
            ? activity.TraceId.ToHexString()
            : null;
    }

    /// <summary>Sets the ProblemDetails <c>traceId</c> to the request's trace id, replacing the framework's default
    /// (a full <c>traceparent</c>, or the server's connection-based request id when there is no activity).</summary>
    internal static void AddTo(ProblemDetailsContext problem)
    {
        if (TraceId(problem.HttpContext) is { } traceId)
        {
            problem.ProblemDetails.Extensions["traceId"] = traceId;
        }
        else
        {
            problem.ProblemDetails.Extensions.TryAdd("traceId", problem.HttpContext.TraceIdentifier);
        }
    }
}
