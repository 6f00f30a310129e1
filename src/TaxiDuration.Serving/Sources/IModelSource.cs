namespace TaxiDuration.Serving.Sources;

/// <summary>A model file to serve and the version to report for it.</summary>
/// <param name="Path">Full path of a file written by <c>ModelFile.Save</c>.</param>
/// <param name="Version">The version every prediction reports; null keeps the version the file's metadata gives.</param>
/// <param name="Description">Where it came from, for logs and start-up errors (e.g. "Model:Path = models/model.zip").</param>
public sealed record ModelLocation(string Path, string? Version, string Description);

/// <summary>
/// Where the service's model comes from: the one thing that differs between levels (a file at level 1, the
/// registry's champion from level 2 on). Everything after locating the file is shared.
/// </summary>
public interface IModelSource
{
    /// <exception cref="IOException">The source cannot name a usable file (the message says why).</exception>
    ModelLocation Locate();
}
