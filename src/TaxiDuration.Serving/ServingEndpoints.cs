using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TaxiDuration.Serving;

/// <summary>Maps the prediction API; the operational endpoints come from <c>MapServiceDefaults</c>.</summary>
public static class ServingEndpoints
{
    /// <summary><c>POST /predict</c> and <c>POST /predict/batch</c>.</summary>
    public static IEndpointRouteBuilder MapDurationPredictionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var predict = endpoints.MapGroup("/predict").WithTags("Prediction");
        predict.MapPost("", PredictionHandlers.Predict)
            .WithName("Predict")
            .WithSummary("Predicts one taxi ride's duration in minutes.");
        predict.MapPost("/batch", PredictionHandlers.PredictBatch)
            .WithName("PredictBatch")
            .WithSummary("Predicts the durations of several rides, in request order.");
        return endpoints;
    }
}
