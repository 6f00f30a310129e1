using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TaxiDuration.Serving.OpenApi;

/// <summary>What each error of the prediction endpoints means, instead of the bare reason phrase.</summary>
internal sealed class PredictionApiResponses : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [$"{StatusCodes.Status200OK}"] = "The predicted duration(s), in minutes, and the model version that answered (also in the X-Model-Version header).",
        [$"{StatusCodes.Status400BadRequest}"] = "The body is not valid JSON, or a field is missing, of the wrong JSON type or out of range: errors names each field as it was sent.",
        [$"{StatusCodes.Status413PayloadTooLarge}"] = "The body is larger than Serving:MaxRequestBodyBytes (256 KiB by default).",
        [$"{StatusCodes.Status415UnsupportedMediaType}"] = "The body is not sent as UTF-8 JSON (Content-Type: application/json).",
        [$"{StatusCodes.Status503ServiceUnavailable}"] = "No model is loaded yet; retry once /health/ready is healthy.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<PredictionEndpointMetadata>().Any() && operation.Responses is { } responses)
        {
            foreach (var (status, response) in responses)
            {
                if (response is OpenApiResponse described && Descriptions.TryGetValue(status, out var description))
                {
                    described.Description = description;
                }
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Marks the prediction endpoints, whose responses <see cref="PredictionApiResponses"/> describes.</summary>
internal sealed class PredictionEndpointMetadata
{
    public static readonly PredictionEndpointMetadata Instance = new();
}
