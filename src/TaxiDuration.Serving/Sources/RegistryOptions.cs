using System.ComponentModel.DataAnnotations;

namespace TaxiDuration.Serving.Sources;

/// <summary>Which registered model the service serves and where the registry is. Bound from the <c>Registry</c> section.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>A registry URI: <c>taxi-duration@champion</c> (an alias) or <c>taxi-duration/3</c> (a pinned version).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Registry:ModelUri must name the model to serve, e.g. taxi-duration@champion.")]
    public string ModelUri { get; set; } = "taxi-duration@champion";

    /// <summary>The tracking store's folder; empty means <c>TAXI_TRACKING_DIR</c>, else <c>tracking/</c> under the content root.</summary>
    public string? StoreDirectory { get; set; }
}
