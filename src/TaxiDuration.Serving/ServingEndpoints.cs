using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TaxiDuration.Serving.OpenApi;

namespace TaxiDuration.Serving;

/// <summary>Maps the prediction API; the operational endpoints come from <c>MapServiceDefaults</c>.</summary>
public static class ServingEndpoints
{
    /// <summary><c>POST /predict</c> and <c>POST /predict/batch</c>.</summary>
    public static IEndpointRouteBuilder MapDurationPredictionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Besides the handlers' own answers (200, 400, 503), what the pipeline answers before them: a body over the
        // limit (413) and a body that is not UTF-8 JSON (415). OpenApi/ describes each.
        var predict = endpoints.MapGroup("/predict").WithTags("Prediction")
            .WithMetadata(PredictionEndpointMetadata.Instance)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        predict.MapPost("", PredictionHandlers.Predict)
            .WithName("Predict")
            .WithSummary("Predicts one taxi ride's duration in minutes.");
        predict.MapPost("/batch", PredictionHandlers.PredictBatch)
            .WithName("PredictBatch")
            .WithSummary("Predicts the durations of several rides, in request order.");
        return endpoints;
    }
}
