namespace TaxiDuration.Automation.Replay;

/// <summary>The four retraining policies the replay compares on the same months.</summary>
public static class PolicyNames
{
    /// <summary>Level 2: the first model serves forever.</summary>
    public const string Frozen = "frozen";

    /// <summary>Retrain on the newest month every month, no gate.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>This loop: monitor, trigger, gate, promote, watch, roll back.</summary>
    public const string Level4 = "level 4";

    /// <summary>Trained on the month it is scored on: the floor no policy can reach.</summary>
    public const string Oracle = "oracle";

    public static IReadOnlyList<string> All { get; } = [Frozen, Scheduled, Level4, Oracle];
}
