using System.Text.Json.Serialization;

namespace TaxiDuration.Serving;

/// <summary>Predicted durations in minutes, in the order of the request's rides, and the model version.</summary>
public sealed record BatchPredictionResponse(
    [property: JsonPropertyName("predictions")] IReadOnlyList<float> Predictions,
    [property: JsonPropertyName("model_version")] string ModelVersion);
