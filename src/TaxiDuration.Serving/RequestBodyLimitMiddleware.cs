using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TaxiDuration.Serving;

/// <summary>
/// Applies <see cref="ServingOptions.MaxRequestBodyBytes"/> whatever the server: a declared length over the limit
/// is refused before reading (413 ProblemDetails); for streamed bodies the server enforces the same limit while
/// reading, and <see cref="BadRequestExceptionHandler"/> reports it.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ServingOptions> options, IProblemDetailsService problems)
{
    private readonly long limit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limit)
        {
            return RejectAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    private async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = $"The body is {context.Request.ContentLength} bytes; this service accepts at most {limit} bytes (Serving:MaxRequestBodyBytes).",
            },
        });
    }
}
