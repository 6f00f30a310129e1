using Microsoft.ML;
using TaxiDuration.Serving.Sources;

namespace TaxiDuration.Serving;

/// <summary>Turns what a model source names into a <see cref="ServedModel"/> that has proven it can score a ride.</summary>
public sealed class ServedModelLoader(IModelSource source, RideFeaturizer featurizer)
{
    // A ride without pickup time exercises the whole request path, New York time-zone lookup included.
    private static readonly RideRequest ProbeRide = new(PickupLocationId: 1, DropoffLocationId: 1, TripDistance: 1);

    /// <summary>Loads the source's model and scores one probe ride, so a model (or machine) that cannot score fails
    /// here, at load time, rather than on the first request.</summary>
    /// <exception cref="IOException">No usable file.</exception>
    /// <exception cref="InvalidDataException">The file is not a usable taxi-duration model.</exception>
    public (ServedModel Model, string Description) Load()
    {
        var ml = new MLContext(seed: 0);
        var sourced = source.Load(ml);
        var model = new ServedModel(ml, sourced.Model);
        try
        {
            model.Predict(RideFeaturizer.ToExample(featurizer.Observe(ProbeRide)));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The model from {sourced.Description} cannot score a taxi ride: {error.Message}", error);
        }

        return (model, sourced.Description);
    }
}
