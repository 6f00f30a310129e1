using System.Text.Json.Serialization;

namespace TaxiDuration.Serving;

/// <summary>Source-generated (de)serializers for the API's payloads: no reflection on the hot path.</summary>
[JsonSerializable(typeof(RideRequest))]
[JsonSerializable(typeof(BatchRequest))]
[JsonSerializable(typeof(PredictionResponse))]
[JsonSerializable(typeof(BatchPredictionResponse))]
internal sealed partial class ServingJsonContext : JsonSerializerContext;
