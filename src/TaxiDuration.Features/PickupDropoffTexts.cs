using TaxiDuration.Trips;

namespace TaxiDuration.Features;

/// <summary>
/// One <c>PU_DO</c> string per zone pair for the whole process (at most 266², ~13k seen in a month), so reading a
/// month's rows, or serving a ride, makes no string per trip.
/// </summary>
internal static class PickupDropoffTexts
{
    private const int Slots = TaxiZones.MaxId + 1;

    private static readonly string?[] Texts = new string?[Slots * Slots];

    /// <summary>The <see cref="TripFeatures.PickupDropoff"/> text of two valid zones (1–265).</summary>
    /// <remarks>Two threads may both make a pair's text the first time; they make equal strings, and either is kept.</remarks>
    // Stryker disable once Assignment,Arithmetic : equivalent, ??= versus = only decides how often the same string is
    // made, and pickup × 266 − drop-off numbers the valid pairs one to one as + does.
    public static string For(int pickupZone, int dropoffZone) =>
        Texts[(pickupZone * Slots) + dropoffZone] ??= TripFeatures.PickupDropoff(pickupZone, dropoffZone);
}
