namespace TaxiDuration.Data.Synthetic;

/// <summary>
/// Named changes to a synthetic month, so drift detection and retraining (levels 3–4) can be exercised on
/// known, deliberate shifts. Each names the statistic it moves; everything else stays as in <see cref="None"/>.
/// </summary>
public enum SyntheticScenario
{
    /// <summary>A normal month: green-taxi zone mix, weekday/hour traffic speeds.</summary>
    None,

    /// <summary>
    /// Covid-style lockdown (data drift in volume and target): about 45 % of the usual trips, and empty streets
    /// make every trip about 40 % faster, so durations are shorter for the same distance.
    /// </summary>
    Lockdown,

    /// <summary>
    /// Covariate drift in the zone mix: the usual hubs (East Harlem 74/75, Central Harlem 41/42, Astoria 7…)
    /// lose their weight and a different set (Brooklyn 61/25/33, Bronx 69/247/159…) dominates pickups and
    /// drop-offs. Speeds and the distance–duration relation are unchanged.
    /// </summary>
    ZoneShift,

    /// <summary>
    /// Concept drift in the target relation: congestion cuts speeds by about 30 % at every hour, so the same
    /// distance and zone pair take longer. Inputs (zones, distances, hours) are distributed as in <see cref="None"/>.
    /// </summary>
    SlowTraffic,
}
