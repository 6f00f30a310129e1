using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using TaxiDuration.Model;

namespace TaxiDuration.Serving.Sources;

/// <summary>
/// Level 1: the file a person trained and shipped, named by <see cref="ModelOptions.Path"/> (relative to the content
/// root). When the training tool's checksum file sits beside it (<c>model.zip.sha256</c>), a file that no longer
/// matches is refused; either way the hash of what was loaded is kept, so a file changed under the running service
/// shows in <c>/health/ready</c> before a restart would serve it.
/// </summary>
internal sealed class ModelFileSource(IOptions<ModelOptions> options, IHostEnvironment environment) : IModelSource
{
    public string FullPath => Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    /// <summary>SHA-256 of the file as it was when the served model was loaded; null before the first load.</summary>
    public string? LoadedSha256 { get; private set; }

    public string Describe() => $"{ModelOptions.SectionName}:Path = '{options.Value.Path}' ({FullPath})";

    public SourcedModel Load(MLContext ml)
    {
        var path = FullPath;
        var sha256 = File.Exists(path) ? ModelChecksum.Compute(path) : null;
        if (sha256 is not null && ModelChecksum.Read(path) is { } expected && !string.Equals(expected, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"Model file '{path}' does not match its checksum file {ModelChecksum.PathFor(path)} (expected {expected}, the file hashes to {sha256}): it changed after training, so it is not served.");
        }

        var model = new SourcedModel(ModelFile.Load(ml, path), Describe());
        LoadedSha256 = sha256;
        return model;
    }
}
