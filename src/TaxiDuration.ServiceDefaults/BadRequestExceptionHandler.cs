using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// Turns the framework's request errors (malformed or mistyped JSON, missing body, wrong content type, body over
/// the size limit) into ProblemDetails with their proper 4xx status, naming the JSON field when there is one.
/// Without this a client's mistake would surface as an empty 400 or, worse, a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        // The framework's messages name internal types and parameters ("Implicit body inferred for parameter …",
        // "could not be converted to TaxiDuration.Serving.RideRequest"); a client gets what it can act on instead.
        var problem = new HttpValidationProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
            Detail = badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is larger than this service accepts.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
                StatusCodes.Status400BadRequest => "The request has no JSON object to read: send one (not null, not empty) with 'Content-Type: application/json'.",
                _ => "The request could not be read.",
            },
        };
        if (badRequest.InnerException is JsonException json)
        {
            var field = FieldName(json.Path);
            problem.Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The JSON is malformed, or a value has the wrong type, at '{field}' (line {(json.LineNumber ?? 0) + 1}, byte {json.BytePositionInLine ?? 0}).");
            problem.Errors[field] = [field == "$"
                ? "The body is not a valid JSON object."
                : "The value is malformed or of the wrong JSON type (see the OpenAPI document for each field's type)."];
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // System.Text.Json reports "$.rides[2].trip_distance"; clients know the field as "rides[2].trip_distance".
    private static string FieldName(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
}
