using Microsoft.ML;
using TaxiDuration.Model;

namespace TaxiDuration.Serving.Sources;

/// <summary>A loaded model and where it came from, for logs and start-up errors (e.g. "Model:Path = models/model.zip").</summary>
public sealed record SourcedModel(LoadedModel Model, string Description);

/// <summary>
/// Where the service's model comes from: the one thing that differs between levels (a file at level 1, the
/// registry's champion from level 2 on). Registered once per host; everything after loading is shared.
/// </summary>
public interface IModelSource
{
    /// <summary>What the source points at, for messages, without loading anything.</summary>
    string Describe();

    /// <summary>Loads the model the source names now, with the version every prediction will report.</summary>
    /// <exception cref="IOException">The source names no usable file (the message says why).</exception>
    /// <exception cref="InvalidDataException">The file is not a usable model.</exception>
    SourcedModel Load(MLContext ml);
}
