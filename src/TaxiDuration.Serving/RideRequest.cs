using System.Text.Json.Serialization;

namespace TaxiDuration.Serving;

/// <summary>
/// One ride to score, in the TLC column names the course's service used. Every field is nullable so a missing
/// field is reported by name (400) instead of silently becoming zero.
/// Numbers must be JSON numbers: ASP.NET's web defaults would also accept "43", hiding client bugs.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record RideRequest(
    [property: JsonPropertyName(RideRequest.PickupZoneField)] int? PickupLocationId,
    [property: JsonPropertyName(RideRequest.DropoffZoneField)] int? DropoffLocationId,
    [property: JsonPropertyName(RideRequest.DistanceField)] double? TripDistance,
    [property: JsonPropertyName(RideRequest.PickupTimeField)] DateTime? PickupDatetime = null,
    [property: JsonPropertyName(RideRequest.TripKeyField)] string? TripKey = null)
{
    /// <summary>JSON name of the caller's optional id for the trip; ground truth is joined to the prediction log on it.</summary>
    public const string TripKeyField = "trip_key";

    /// <summary>Longest trip key accepted (an id, not a payload).</summary>
    public const int MaxTripKeyLength = 128;

    /// <summary>JSON name of the pickup zone ID.</summary>
    public const string PickupZoneField = "PULocationID";

    /// <summary>JSON name of the drop-off zone ID.</summary>
    public const string DropoffZoneField = "DOLocationID";

    /// <summary>JSON name of the trip distance in miles.</summary>
    public const string DistanceField = "trip_distance";

    /// <summary>JSON name of the optional pickup time (NYC local time, like the TLC records).</summary>
    public const string PickupTimeField = "pickup_datetime";
}
