using System.Text.Json.Serialization;

// Answers POST /predict with a constant of the real response's shape after reading the same body, so the gap to
// TaxiDuration.Serving is exactly what validation, featurization, the model, metrics and error handling cost.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJsonContext.Default));

var app = builder.Build();
app.MapPost("/predict", (BareRide ride) => TypedResults.Ok(new BarePrediction(ride.TripDistance * 6, "constant")));
app.Run();

internal sealed record BareRide(
    [property: JsonPropertyName("PULocationID")] int PickupLocationId,
    [property: JsonPropertyName("DOLocationID")] int DropoffLocationId,
    [property: JsonPropertyName("trip_distance")] float TripDistance);

internal sealed record BarePrediction(
    [property: JsonPropertyName("duration")] float Duration,
    [property: JsonPropertyName("model_version")] string ModelVersion);

[JsonSerializable(typeof(BareRide))]
[JsonSerializable(typeof(BarePrediction))]
internal sealed partial class BareJsonContext : JsonSerializerContext;
