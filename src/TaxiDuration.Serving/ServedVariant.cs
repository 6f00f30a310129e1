namespace TaxiDuration.Serving;

/// <summary>One model the service answers with, under a name (its role), with its share of the traffic.</summary>
/// <param name="Name">The variant's name, e.g. <see cref="ChampionName"/>; reported with every prediction.</param>
/// <param name="Weight">Relative share of the traffic routed to it (0 for a variant that only shadows).</param>
/// <param name="LoadedAt">When this model was loaded and verified.</param>
public sealed record ServedVariant(string Name, ServedModel Model, double Weight, DateTimeOffset LoadedAt)
{
    /// <summary>The variant every request goes to unless a split says otherwise.</summary>
    public const string ChampionName = "champion";
}
