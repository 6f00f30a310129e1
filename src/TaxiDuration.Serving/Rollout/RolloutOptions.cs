using System.ComponentModel.DataAnnotations;

namespace TaxiDuration.Serving.Rollout;

/// <summary>
/// Level 3: which registered models the service serves and how it follows the registry. Bound from the
/// <c>Rollout</c> section. With no variants configured the champion alone answers every request.
/// </summary>
public sealed class RolloutOptions : IValidatableObject
{
    public const string SectionName = "Rollout";

    /// <summary>The answering variants and their traffic weights, e.g. champion 0.9 and challenger 0.1 (an A/B split).</summary>
    public List<VariantOptions> Variants { get; set; } = [];

    /// <summary>A model scored on the same requests without answering them; null (unset) for none.</summary>
    public ShadowOptions? Shadow { get; set; }

    /// <summary>How often the registry is read for alias moves (promotion to served is at most this plus load time).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Enables <c>POST /admin/reload</c> for callers sending it in the <c>X-Api-Key</c> header (a deployment that wants
    /// the swap now, not at the next poll). Unset: the endpoint does not exist.
    /// </summary>
    public string? AdminApiKey { get; set; }

    /// <summary>A loaded model must predict every canary ride within (0, this] minutes, or it is not served.</summary>
    [Range(1.0, 100_000.0)]
    public double MaxCanaryMinutes { get; set; } = 24 * 60;

    /// <summary>The variants to serve: the configured ones, or the champion alone.</summary>
    public IReadOnlyList<VariantOptions> EffectiveVariants =>
        Variants.Count > 0 ? Variants : [new VariantOptions { Name = ServedVariant.ChampionName, ModelUri = "taxi-duration@champion", Weight = 1 }];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var variant in EffectiveVariants)
        {
            if (string.IsNullOrWhiteSpace(variant.Name) || !Tracking.ModelUri.TryParse(variant.ModelUri, out _) || !(variant.Weight > 0))
            {
                yield return new ValidationResult(
                    $"Rollout:Variants: each variant needs a name, a model URI (taxi-duration@challenger) and a positive weight; got '{variant.Name}', '{variant.ModelUri}', {variant.Weight}.");
            }
        }

        if (EffectiveVariants.Select(variant => variant.Name).Distinct(StringComparer.Ordinal).Count() != EffectiveVariants.Count)
        {
            yield return new ValidationResult("Rollout:Variants: variant names must be unique.");
        }

        if (Shadow is { } shadow && (!Tracking.ModelUri.TryParse(shadow.ModelUri, out _) || shadow.SampleShare is < 0 or > 1 || shadow.QueueCapacity < 1))
        {
            yield return new ValidationResult($"Rollout:Shadow needs a model URI, a sample share in [0, 1] and a queue capacity ≥ 1; got '{shadow.ModelUri}', {shadow.SampleShare}, {shadow.QueueCapacity}.");
        }
    }
}

/// <summary>One answering variant: a name (reported with every prediction), the registry URI it follows, its weight.</summary>
public sealed class VariantOptions
{
    public string Name { get; set; } = "";

    public string ModelUri { get; set; } = "";

    public double Weight { get; set; } = 1;
}

/// <summary>The shadow: which model, on what share of requests, and how many requests may wait to be scored before new ones are dropped.</summary>
public sealed class ShadowOptions
{
    public string Name { get; set; } = "shadow";

    public string ModelUri { get; set; } = "taxi-duration@challenger";

    public double SampleShare { get; set; } = 1;

    public int QueueCapacity { get; set; } = 10_000;
}
