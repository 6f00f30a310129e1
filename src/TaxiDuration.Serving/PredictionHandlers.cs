using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TaxiDuration.ServiceDefaults;

namespace TaxiDuration.Serving;

/// <summary>The prediction endpoints' handlers: HTTP in (validation), <see cref="DurationPredictor"/>, HTTP out.</summary>
public static class PredictionHandlers
{
    /// <summary>The request header a caller identifies itself with; A/B routing is sticky on it.</summary>
    public const string ClientIdHeader = "X-Client-Id";

    /// <summary>The response header naming the model version that answered (also in the body as <c>model_version</c>).</summary>
    public const string ModelVersionHeader = "X-Model-Version";

    /// <summary><c>POST /predict</c>: one ride's duration in minutes.</summary>
    public static Results<Ok<PredictionResponse>, ValidationProblem, ProblemHttpResult> Predict(
        RideRequest ride, DurationPredictor predictor, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(context);
        if (RideValidator.Validate(ride) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The ride is invalid.");
        }

        return predictor.Predict([ride], context.TraceIdentifier, ClientKey(context), RequestTrace.TraceId(context)) is { } predicted
            ? Answer(context, predicted, new PredictionResponse(predicted.Minutes[0], predicted.ModelVersion))
            : NoModel();
    }

    /// <summary><c>POST /predict/batch</c>: durations for up to <see cref="ServingOptions.MaxBatchSize"/> rides, in order.</summary>
    public static Results<Ok<BatchPredictionResponse>, ValidationProblem, ProblemHttpResult> PredictBatch(
        BatchRequest batch, DurationPredictor predictor, IOptions<ServingOptions> options, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (ValidateBatch(batch, options.Value.MaxBatchSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The batch is invalid.");
        }

        return predictor.Predict(batch.Rides!, context.TraceIdentifier, ClientKey(context), RequestTrace.TraceId(context)) is { } predicted
            ? Answer(context, predicted, new BatchPredictionResponse(predicted.Minutes, predicted.ModelVersion))
            : NoModel();
    }

    private static Ok<T> Answer<T>(HttpContext context, DurationPredictions predicted, T body)
    {
        context.Response.Headers[ModelVersionHeader] = predicted.ModelVersion;
        return TypedResults.Ok(body);
    }

    private static string? ClientKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(ClientIdHeader, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    private static Dictionary<string, string[]>? ValidateBatch(BatchRequest batch, int maxBatchSize)
    {
        var rides = batch.Rides;
        var problem = rides switch
        {
            null => "A list of rides is required.",
            { Count: 0 } => "The batch must contain at least one ride.",
            _ when rides.Count > maxBatchSize => $"The batch has {rides.Count} rides; at most {maxBatchSize} are accepted (Serving:MaxBatchSize).",
            _ => null,
        };
        if (problem is not null)
        {
            return new Dictionary<string, string[]>(StringComparer.Ordinal) { [BatchRequest.RidesField] = [problem] };
        }

        Dictionary<string, string[]>? errors = null;
        for (var i = 0; i < rides!.Count; i++)
        {
            if (RideValidator.Validate(rides[i], $"{BatchRequest.RidesField}[{i}].") is { } rideErrors)
            {
                errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var (field, messages) in rideErrors)
                {
                    errors[field] = messages;
                }
            }
        }

        return errors;
    }

    private static ProblemHttpResult NoModel() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "No model is loaded.",
        detail: "The service has not published a model yet; retry when /health/ready reports healthy.");
}
