using Microsoft.ML;
using TaxiDuration.Tracking;

namespace TaxiDuration.Model;

/// <summary>A registered version loaded from its verified artifact; its metadata reports the registry version.</summary>
public sealed record LoadedVersion(ModelVersion Version, LoadedModel Model, string FilePath);

/// <summary>
/// Loads what a registry URI names (<c>taxi-duration@champion</c>, <c>taxi-duration/3</c>): the registry resolves
/// it and re-checks the artifact's SHA-256, so a tampered or swapped file is refused, never loaded.
/// </summary>
public sealed class RegisteredModelLoader(IModelRegistry registry)
{
    /// <exception cref="KeyNotFoundException">No such model, version or alias.</exception>
    /// <exception cref="ArtifactIntegrityException">The artifact's bytes no longer match the registered hash.</exception>
    /// <exception cref="InvalidDataException">The artifact is not a usable model file.</exception>
    public LoadedVersion Load(MLContext ml, ModelUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var artifact = registry.ResolveArtifact(uri);
        var loaded = ModelFile.Load(ml, artifact.FilePath);
        var versioned = loaded with { Metadata = loaded.Metadata with { Version = artifact.Version.Uri } };
        return new LoadedVersion(artifact.Version, versioned, artifact.FilePath);
    }
}
