using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// The last resort of <see cref="IProblemDetailsService"/>: the framework's writer declines when the client's Accept
/// header leaves out JSON (a browser asking for text/html gets "Status Code: 404" as text). An API answers its
/// errors as <c>application/problem+json</c> whatever was accepted, so every error stays machine-readable, and
/// customised like the framework's (the trace id).
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        context.HttpContext.Response.ContentType = "application/problem+json";
        return new ValueTask(context.HttpContext.Response.WriteAsync(JsonSerializer.Serialize(problem, problem.GetType(), Json)));
    }
}
