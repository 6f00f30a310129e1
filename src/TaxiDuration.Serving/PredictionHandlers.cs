using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace TaxiDuration.Serving;

/// <summary>The prediction endpoints' handlers: validate, featurize, predict with the current model, count.</summary>
public static class PredictionHandlers
{
    /// <summary><c>POST /predict</c>: one ride's duration in minutes.</summary>
    public static Results<Ok<PredictionResponse>, ValidationProblem, ProblemHttpResult> Predict(
        RideRequest ride,
        IServedModelProvider models,
        RideFeaturizer featurizer,
        PredictionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(metrics);
        if (RideValidator.Validate(ride) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The ride is invalid.");
        }

        if (models?.Current is not { } model)
        {
            return NoModel();
        }

        var minutes = model.Predict(featurizer.ToExample(ride));
        metrics.Record(model.Version, [minutes]);
        return TypedResults.Ok(new PredictionResponse(minutes, model.Version));
    }

    /// <summary><c>POST /predict/batch</c>: durations for up to <see cref="ServingOptions.MaxBatchSize"/> rides, in order.</summary>
    public static Results<Ok<BatchPredictionResponse>, ValidationProblem, ProblemHttpResult> PredictBatch(
        BatchRequest batch,
        IServedModelProvider models,
        RideFeaturizer featurizer,
        PredictionMetrics metrics,
        IOptions<ServingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        if (ValidateBatch(batch, options.Value.MaxBatchSize) is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The batch is invalid.");
        }

        if (models?.Current is not { } model)
        {
            return NoModel();
        }

        var examples = batch.Rides!.Select(ride => featurizer.ToExample(ride!)).ToList();
        var minutes = new float[examples.Count];
        model.Predict(examples, minutes);
        metrics.Record(model.Version, minutes);
        return TypedResults.Ok(new BatchPredictionResponse(minutes, model.Version));
    }

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
