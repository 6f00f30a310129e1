namespace TaxiDuration.Data.Synthetic;

/// <summary>The knobs a <see cref="SyntheticScenario"/> turns; see the enum's docs for what each one means.</summary>
internal sealed record ScenarioProfile(double VolumeFactor, double SpeedFactor, IReadOnlyList<int> Hubs)
{
    /// <summary>The busiest green pickup zones in the real 2021 files, busiest first.</summary>
    public static readonly IReadOnlyList<int> GreenHubs = [74, 75, 41, 42, 166, 43, 7, 82, 95, 244, 97, 129, 260, 65, 181, 255];

    /// <summary>Zones that are quiet in the real data; they take over as hubs in the zone-shift scenario.</summary>
    public static readonly IReadOnlyList<int> ShiftedHubs = [61, 25, 33, 189, 69, 247, 159, 168, 17, 225, 36, 37, 112, 80, 256, 66];

    public static ScenarioProfile For(SyntheticScenario scenario) => scenario switch
    {
        SyntheticScenario.None => new(1.0, 1.0, GreenHubs),
        SyntheticScenario.Lockdown => new(0.45, 1.4, GreenHubs),
        SyntheticScenario.ZoneShift => new(1.0, 1.0, ShiftedHubs),
        SyntheticScenario.SlowTraffic => new(1.0, 0.7, GreenHubs),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown synthetic scenario"),
    };
}
