using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using TaxiDuration.Model;

namespace TaxiDuration.Serving.Sources;

/// <summary>Level 1: the file a person trained and shipped, named by <see cref="ModelOptions.Path"/> (relative to the content root).</summary>
internal sealed class ModelFileSource(IOptions<ModelOptions> options, IHostEnvironment environment) : IModelSource
{
    private string FullPath => Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    public string Describe() => $"{ModelOptions.SectionName}:Path = '{options.Value.Path}' ({FullPath})";

    public SourcedModel Load(MLContext ml) => new(ModelFile.Load(ml, FullPath), Describe());
}
