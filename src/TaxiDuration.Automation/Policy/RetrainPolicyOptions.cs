namespace TaxiDuration.Automation.Policy;

/// <summary>When the loop may retrain; section <c>RetrainPolicy</c>. The defaults are the documented ones.</summary>
public sealed class RetrainPolicyOptions
{
    public const string SectionName = "RetrainPolicy";

    /// <summary>Drift must be over its threshold in this many consecutive windows before it triggers.</summary>
    public int ConsecutiveDriftWindows { get; init; } = 2;

    /// <summary>A firing drift clears only when its score falls below this multiple of the threshold (hysteresis).</summary>
    public double DriftClearFactor { get; init; } = 0.8;

    /// <summary>Windows after a promoted retrain during which nothing triggers.</summary>
    public int CooldownAfterRetrain { get; init; } = 1;

    /// <summary>Windows after a retrain the gate rejected during which nothing triggers…</summary>
    public int CooldownAfterRejection { get; init; } = 2;

    /// <summary>…unless the champion's RMSE exceeds its reference by this multiple (an emergency ignores the cooldown).</summary>
    public double EmergencyRmseRatio { get; init; } = 1.25;

    /// <summary>Labelled trips that must have arrived since the last retrain before another one is worth its cost.</summary>
    public int MinimumNewLabelledTrips { get; init; } = 20_000;

    /// <summary>A champion older than this many windows is retrained whatever the monitors say.</summary>
    public int MaximumChampionAgeWindows { get; init; } = 6;

    /// <summary>Windows after a promotion during which the previous champion stays in shadow and can be rolled back to.</summary>
    public int WatchWindows { get; init; } = 1;

    /// <summary>During the watch, roll back when the new champion's RMSE exceeds the previous one's by more than this share.</summary>
    public double RollbackTolerance { get; init; } = 0.01;

    public void Validate()
    {
        if (ConsecutiveDriftWindows < 1 || DriftClearFactor is <= 0 or > 1)
        {
            throw new ArgumentException("RetrainPolicy:ConsecutiveDriftWindows must be at least 1 and DriftClearFactor in (0, 1].");
        }

        if (CooldownAfterRetrain < 0 || CooldownAfterRejection < 0 || MinimumNewLabelledTrips < 0 || MaximumChampionAgeWindows < 1 || WatchWindows < 0)
        {
            throw new ArgumentException("RetrainPolicy cooldowns, MinimumNewLabelledTrips and WatchWindows must not be negative; MaximumChampionAgeWindows at least 1.");
        }

        if (EmergencyRmseRatio < 1 || RollbackTolerance < 0)
        {
            throw new ArgumentException("RetrainPolicy:EmergencyRmseRatio must be at least 1 and RollbackTolerance not negative.");
        }
    }
}
