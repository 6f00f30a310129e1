namespace TaxiDuration.Serving;

/// <summary>
/// Everything the service serves at one moment, immutable: the variants that answer requests. A request reads
/// the current set once and uses it throughout, so a swap (hot reload) never mixes two versions in one answer.
/// </summary>
public sealed class ServedModelSet
{
    private ServedModelSet(IReadOnlyList<ServedVariant> variants)
    {
        Variants = variants;
    }

    /// <summary>The variants in the order they were configured; the first is the default route.</summary>
    public IReadOnlyList<ServedVariant> Variants { get; }

    /// <summary>A set of one variant, the champion, taking every request.</summary>
    public static ServedModelSet Single(ServedModel model, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ServedModelSet([new ServedVariant(ServedVariant.ChampionName, model, Weight: 1, loadedAt)]);
    }

    /// <summary>The variant that answers a request from <paramref name="clientKey"/>.</summary>
    public ServedVariant Route(string? clientKey) => Variants[0];
}
