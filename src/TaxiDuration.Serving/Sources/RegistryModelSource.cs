using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TaxiDuration.Tracking;

namespace TaxiDuration.Serving.Sources;

/// <summary>
/// Level 2: the registry decides what is served. The alias is resolved once, at start (promotion takes effect on
/// restart), and the artifact's hash is checked, so a tampered or swapped file is refused instead of served.
/// </summary>
internal sealed class RegistryModelSource(IOptions<RegistryOptions> options, IHostEnvironment environment) : IModelSource
{
    public ModelLocation Locate()
    {
        var settings = options.Value;
        var storeOptions = string.IsNullOrWhiteSpace(settings.StoreDirectory)
            ? TrackingStoreOptions.FromEnvironment(environment.ContentRootPath)
            : new TrackingStoreOptions
            {
                DatabasePath = Path.Combine(Path.GetFullPath(settings.StoreDirectory, environment.ContentRootPath), TrackingStoreOptions.DatabaseFileName),
            };
        if (!File.Exists(storeOptions.DatabasePath))
        {
            throw new FileNotFoundException(
                $"No tracking store at {storeOptions.DatabasePath}: train and promote a model first, or set {TrackingStoreOptions.DirectoryVariable}.",
                storeOptions.DatabasePath);
        }

        var artifact = TrackingStore.Open(storeOptions).Registry.ResolveArtifact(ModelUri.Parse(settings.ModelUri));
        return new ModelLocation(artifact.FilePath, artifact.Version.Uri, $"{settings.ModelUri} = {artifact.Version.Uri} in {storeOptions.DatabasePath}");
    }
}
