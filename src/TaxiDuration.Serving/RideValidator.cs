using TaxiDuration.Trips;

namespace TaxiDuration.Serving;

/// <summary>
/// Checks a ride against what the TLC data can contain, naming each offending field the way the client sent it.
/// Returns null for a valid ride so the hot path allocates nothing.
/// </summary>
public static class RideValidator
{
    /// <summary>Errors of one ride keyed by field name (prefixed with <paramref name="fieldPrefix"/>), or null if valid.</summary>
    public static Dictionary<string, string[]>? Validate(RideRequest? ride, string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(fieldPrefix);
        Dictionary<string, string[]>? errors = null;
        if (ride is null)
        {
            Add(ref errors, fieldPrefix.TrimEnd('.'), "A ride object is required.");
            return errors;
        }

        CheckZone(ride.PickupLocationId, fieldPrefix + RideRequest.PickupZoneField, ref errors);
        CheckZone(ride.DropoffLocationId, fieldPrefix + RideRequest.DropoffZoneField, ref errors);
        var distanceField = fieldPrefix + RideRequest.DistanceField;
        switch (ride.TripDistance)
        {
            case null:
                Add(ref errors, distanceField, "The trip distance in miles is required.");
                break;
            case var miles when !double.IsFinite(miles.Value):
                Add(ref errors, distanceField, "The trip distance must be a finite number of miles.");
                break;
            case < 0:
                Add(ref errors, distanceField, "The trip distance cannot be negative.");
                break;
            case > TripLimits.MaxDistanceMiles:
                Add(ref errors, distanceField, $"The trip distance cannot exceed {TripLimits.MaxDistanceMiles} miles.");
                break;
        }

        if (ride.TripKey is { Length: > RideRequest.MaxTripKeyLength } key)
        {
            Add(ref errors, fieldPrefix + RideRequest.TripKeyField, $"The trip key is {key.Length} characters long; at most {RideRequest.MaxTripKeyLength} are accepted.");
        }

        return errors;
    }

    private static void CheckZone(int? zone, string field, ref Dictionary<string, string[]>? errors)
    {
        if (zone is null)
        {
            Add(ref errors, field, "The TLC zone ID is required.");
        }
        else if (!TaxiZones.IsValid(zone.Value))
        {
            Add(ref errors, field, $"The TLC zone ID must be between {TaxiZones.MinId} and {TaxiZones.MaxId}; got {zone}.");
        }
    }

    private static void Add(ref Dictionary<string, string[]>? errors, string field, string message)
    {
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        errors[field] = [message];
    }
}
