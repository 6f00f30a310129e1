using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// JSON bodies are UTF-8 (RFC 8259). The framework looks the charset parameter up as an encoding name and fails
/// with a 500 on a quoted (valid per RFC 9110) or unknown one. Here, for endpoints that read JSON, a UTF-8 charset
/// in any spelling ("utf-8", "UTF8", quoted) is normalised, and any other charset is a 415 ProblemDetails saying
/// what to send, before the body is read.
/// </summary>
internal sealed class JsonCharsetMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        // What nearly every client sends needs no parsing: the framework reads both as UTF-8 JSON.
        if (contentType is null
            || contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !IsJson(mediaType))
        {
            // No body type, an endpoint that reads no body, or not JSON at all: the framework's own checks answer.
            return next(context);
        }

        var charset = mediaType.Charset;
        if (!charset.HasValue)
        {
            return next(context);
        }

        var name = HeaderUtilities.RemoveQuotes(charset).ToString().Trim();
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            mediaType.Charset = "utf-8";
            context.Request.ContentType = mediaType.ToString();
            return next(context);
        }

        return RejectAsync(context, name);
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private async Task RejectAsync(HttpContext context, string charset)
    {
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "The request's charset is not supported.",
                Detail = charset.Length == 0
                    ? "The Content-Type names an empty charset. Send UTF-8 JSON: 'Content-Type: application/json' or 'application/json; charset=utf-8'."
                    : $"The Content-Type names charset '{charset}'. JSON is UTF-8: send 'Content-Type: application/json' or 'application/json; charset=utf-8'.",
            },
        });
    }
}
