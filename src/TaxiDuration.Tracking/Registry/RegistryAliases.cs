namespace TaxiDuration.Tracking;

/// <summary>The aliases the levels give meaning to.</summary>
public static class RegistryAliases
{
    /// <summary>What production serves.</summary>
    public const string Champion = "champion";

    /// <summary>A candidate: shadowed or given a share of the traffic at level 3.</summary>
    public const string Challenger = "challenger";

    /// <summary>The champion before the last promotion: what a rollback returns to.</summary>
    public const string PreviousChampion = "previous-champion";
}
