using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TaxiDuration.Serving.Sources;

/// <summary>Level 1: the file a person trained and shipped, named by <see cref="ModelOptions.Path"/> (relative to the content root).</summary>
internal sealed class ModelFileSource(IOptions<ModelOptions> options, IHostEnvironment environment) : IModelSource
{
    public ModelLocation Locate() => new(
        Path.GetFullPath(options.Value.Path, environment.ContentRootPath),
        Version: null,
        $"{ModelOptions.SectionName}:Path = '{options.Value.Path}'");
}
