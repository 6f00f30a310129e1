using Microsoft.Extensions.Options;
using Microsoft.ML;
using TaxiDuration.Model;
using TaxiDuration.Tracking;

namespace TaxiDuration.Serving.Sources;

/// <summary>
/// From level 2 on the registry decides what is served: the version an alias (or a pinned version) names, its
/// artifact's hash checked, so a tampered or swapped file is refused instead of served.
/// </summary>
internal sealed class RegistryModelSource(IOptions<RegistryOptions> options, RegisteredModelLoader loader) : IModelSource
{
    public string Describe() => $"{RegistryOptions.SectionName}:ModelUri = {options.Value.ModelUri}";

    public SourcedModel Load(MLContext ml)
    {
        var loaded = loader.Load(ml, ModelUri.Parse(options.Value.ModelUri));
        return new SourcedModel(loaded.Model, $"{Describe()} = {loaded.Version.Uri} ({loaded.FilePath})");
    }
}
