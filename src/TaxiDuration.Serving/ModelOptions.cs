using System.ComponentModel.DataAnnotations;
using TaxiDuration.Model;

namespace TaxiDuration.Serving;

/// <summary>Which model file the service serves. Bound from the <c>Model</c> section (env var <c>Model__Path</c>).</summary>
public sealed class ModelOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Model";

    /// <summary>Path of the model file written by <c>ModelFile.Save</c>; a relative path is relative to the content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Model:Path (env var Model__Path) must name the model file to serve.")]
    public string Path { get; set; } = "";
}
