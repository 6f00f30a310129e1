namespace TaxiDuration.Automation.Policy;

/// <summary>What the policy remembers between windows; start from <see cref="Initial"/>.</summary>
/// <param name="DriftStreak">Consecutive windows with drift over its threshold.</param>
/// <param name="DriftFiring">Drift has triggered and not yet cleared (below the clear factor).</param>
/// <param name="CooldownWindows">Windows left during which nothing may trigger.</param>
/// <param name="CooldownAfterRejection">The current cooldown follows a gate rejection (an emergency may override it).</param>
/// <param name="LabelledTripsSinceRetrain">Labelled trips that arrived since the last retrain.</param>
/// <param name="ChampionAgeWindows">Windows the champion has served.</param>
public sealed record PolicyState(
    int DriftStreak,
    bool DriftFiring,
    int CooldownWindows,
    bool CooldownAfterRejection,
    int LabelledTripsSinceRetrain,
    int ChampionAgeWindows)
{
    public static PolicyState Initial { get; } = new(0, false, 0, false, 0, 0);
}
