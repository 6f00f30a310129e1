using Microsoft.ML;
using TaxiDuration.Training;

namespace TaxiDuration.Serving;

/// <summary>Turns a model file into a <see cref="ServedModel"/>. The only file I/O of the serving side.</summary>
public sealed class ServedModelLoader(RideFeaturizer featurizer)
{
    // A ride without pickup time exercises the whole request path, New York time-zone lookup included.
    private static readonly RideRequest ProbeRide = new(PickupLocationId: 1, DropoffLocationId: 1, TripDistance: 1);

    /// <summary>Loads the model at <paramref name="path"/> and scores one probe ride, so a model (or machine) that
    /// cannot score fails here, at load time, rather than on the first request.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a usable taxi-duration model.</exception>
    /// <param name="path">The model file.</param>
    /// <param name="version">The version to report (e.g. the registry's <c>taxi-duration/3</c>); null keeps the file's own.</param>
    public ServedModel Load(string path, string? version = null)
    {
        var ml = new MLContext(seed: 0);
        var loaded = ModelFile.Load(ml, path);
        var model = new ServedModel(ml, version is null ? loaded : loaded with { Metadata = loaded.Metadata with { Version = version } });
        try
        {
            model.Predict(featurizer.ToExample(ProbeRide));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Model file '{path}' cannot score a taxi ride: {error.Message}", error);
        }

        return model;
    }
}
