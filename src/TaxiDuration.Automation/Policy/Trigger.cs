namespace TaxiDuration.Automation.Policy;

/// <summary>Why a retrain was wanted, highest priority first.</summary>
public enum Trigger
{
    None,
    Performance,
    Freshness,
    Schema,
    Drift,
    MaximumAge,
}

/// <summary>What the policy decided for a window.</summary>
public enum PolicyAction
{
    /// <summary>Nothing wanted a retrain.</summary>
    Quiet,

    /// <summary>A trigger fired but a rule held it back (cooldown, hysteresis, too little data).</summary>
    Suppressed,

    Retrain,
}
