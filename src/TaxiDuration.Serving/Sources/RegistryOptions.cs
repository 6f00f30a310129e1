using System.ComponentModel.DataAnnotations;

namespace TaxiDuration.Serving.Sources;

/// <summary>Which registered model the service serves. Bound from the <c>Registry</c> section; the store is the tracking store's.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>A registry URI: <c>taxi-duration@champion</c> (an alias) or <c>taxi-duration/3</c> (a pinned version).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Registry:ModelUri must name the model to serve, e.g. taxi-duration@champion.")]
    public string ModelUri { get; set; } = "taxi-duration@champion";
}
