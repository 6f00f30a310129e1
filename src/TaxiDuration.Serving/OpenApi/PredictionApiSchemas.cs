using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using TaxiDuration.Trips;

namespace TaxiDuration.Serving.OpenApi;

/// <summary>
/// What the generator cannot see in the types: each field's meaning, unit, range and an example, taken from the same
/// constants <see cref="RideValidator"/> enforces (and the batch limit from the configured <see cref="ServingOptions"/>);
/// and that a required field may not be null, although it is nullable in C# so that a missing one is reported by name.
/// </summary>
internal sealed class PredictionApiSchemas(IOptions<ServingOptions> options) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { } property)
        {
            if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
            {
                // Added by the writers, not a property of the type: the id that finds the request's log line.
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
                schema.Properties["traceId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The request's W3C trace id (the caller's traceparent, or a new trace): its log line and prediction records carry it too.",
                };
            }

            return Task.CompletedTask;
        }

        var type = property.DeclaringType;
        var name = property.Name;
        if (type == typeof(RideRequest))
        {
            DescribeRide(schema, name);
        }
        else if (type == typeof(BatchRequest) && name == BatchRequest.RidesField)
        {
            Required(schema, $"The rides to score, 1 to {options.Value.MaxBatchSize} (Serving:MaxBatchSize); answered in this order.");
            schema.MinItems = 1;
            schema.MaxItems = options.Value.MaxBatchSize;
        }
        else if (name == "duration" && type == typeof(PredictionResponse))
        {
            schema.Description = "The predicted trip duration, in minutes.";
            schema.Examples = [JsonValue.Create(6.19)];
        }
        else if (name == "predictions" && type == typeof(BatchPredictionResponse))
        {
            schema.Description = "The predicted trip durations, in minutes, in the order of the request's rides.";
        }
        else if (name == "model_version")
        {
            schema.Description = "The model that answered: a registry version (taxi-duration/3) or, at level 1, the model file's version.";
            schema.Examples = [JsonValue.Create("taxi-duration/3")];
        }

        return Task.CompletedTask;
    }

    private static void DescribeRide(OpenApiSchema schema, string name)
    {
        switch (name)
        {
            case RideRequest.PickupZoneField:
                Zone(schema, "pickup", 43);
                break;
            case RideRequest.DropoffZoneField:
                Zone(schema, "drop-off", 151);
                break;
            case RideRequest.DistanceField:
                Required(schema, "The trip distance in miles, as the taxi's meter records it.");
                Range(schema, 0, TripLimits.MaxDistanceMiles);
                schema.Examples = [JsonValue.Create(1.01)];
                break;
            case RideRequest.PickupTimeField:
                schema.Description = "Optional pickup time, New York local wall-clock time with no offset, like the TLC records; models trained on the rich features use its hour.";
                schema.Examples = [JsonValue.Create("2021-02-01T08:30:00")];
                break;
            case RideRequest.TripKeyField:
                schema.Description = $"Optional id of the trip, at most {RideRequest.MaxTripKeyLength} characters: level 3 logs it with the prediction and joins ground truth to it.";
                schema.MaxLength = RideRequest.MaxTripKeyLength;
                schema.Examples = [JsonValue.Create("2021-02-01/000123")];
                break;
        }
    }

    private static void Zone(OpenApiSchema schema, string which, int example)
    {
        Required(schema, $"The TLC taxi zone ID of the {which} ({TaxiZones.MinId}–{TaxiZones.MaxId}).");
        Range(schema, TaxiZones.MinId, TaxiZones.MaxId);
        schema.Examples = [JsonValue.Create(example)];
    }

    // Required: a null is answered like a missing field, a 400 naming it.
    private static void Required(OpenApiSchema schema, string description)
    {
        schema.Description = description;
        schema.Type &= ~JsonSchemaType.Null;
    }

    private static void Range(OpenApiSchema schema, double minimum, double maximum)
    {
        schema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = maximum.ToString(CultureInfo.InvariantCulture);
    }
}
