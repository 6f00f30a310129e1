namespace TaxiDuration.Deployment.Gate;

/// <summary>What the gate decided; only <see cref="Promote"/> changes what is served.</summary>
public enum GateVerdict
{
    /// <summary>The challenger passed every rule: it replaces the champion (or becomes the first model).</summary>
    Promote,

    /// <summary>A champion exists and the challenger failed at least one rule or only tied it: nothing changes.</summary>
    KeepChampion,

    /// <summary>There is no champion and the first model failed a first-model rule: nothing is served yet.</summary>
    Reject,
}
