namespace TaxiDuration.Trips;

/// <summary>
/// The TLC taxi zone IDs: 1–263 are the zones of the TLC zone map, 264 and 265 mean "unknown" (NV / outside
/// NYC). Every other value in a trip record is dirt. One definition for the reader's validator, the featurizer
/// and the service's input checks, so they can never disagree on what a zone is.
/// </summary>
public static class TaxiZones
{
    /// <summary>Smallest valid zone ID.</summary>
    public const int MinId = 1;

    /// <summary>Largest valid zone ID (265, "unknown").</summary>
    public const int MaxId = 265;

    /// <summary>Whether <paramref name="zoneId"/> is a TLC zone (1–265, the two "unknown" IDs included).</summary>
    public static bool IsValid(int zoneId) => zoneId is >= MinId and <= MaxId;
}
