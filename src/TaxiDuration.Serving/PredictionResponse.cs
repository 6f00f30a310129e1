using System.Text.Json.Serialization;

namespace TaxiDuration.Serving;

/// <summary>A predicted duration and the version of the model that predicted it.</summary>
public sealed record PredictionResponse(
    [property: JsonPropertyName("duration")] float Duration,
    [property: JsonPropertyName("model_version")] string ModelVersion);
