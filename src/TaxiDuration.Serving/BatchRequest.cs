using System.Text.Json.Serialization;

namespace TaxiDuration.Serving;

/// <summary>Several rides scored in one call (bounded by <see cref="ServingOptions.MaxBatchSize"/>).</summary>
public sealed record BatchRequest([property: JsonPropertyName(BatchRequest.RidesField)] IReadOnlyList<RideRequest?>? Rides)
{
    /// <summary>JSON name of the ride list.</summary>
    public const string RidesField = "rides";
}
