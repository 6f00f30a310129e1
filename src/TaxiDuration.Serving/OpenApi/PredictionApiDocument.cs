using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TaxiDuration.Serving.OpenApi;

/// <summary>
/// The document's title and description instead of the assembly name, and no <c>servers</c>: the document is read
/// where it is served (or from docs/openapi/, where no server address would be right), and without them the served
/// and the committed document are the same text.
/// </summary>
internal sealed class PredictionApiDocument : IOpenApiDocumentTransformer
{
    public const string Title = "NYC taxi trip duration";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = "v1",
            Description = "Predicts how long an NYC green-taxi trip takes, in minutes, from its pickup and drop-off zones and its distance. "
                + "Every error is an application/problem+json ProblemDetails whose traceId is the request's W3C trace id "
                + "(send a traceparent header to choose it). Numbers must be JSON numbers: \"43\" is refused.",
        };
        document.Servers = null;
        return Task.CompletedTask;
    }
}
