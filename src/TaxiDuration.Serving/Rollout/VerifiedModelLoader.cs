using Microsoft.Extensions.Options;
using Microsoft.ML;
using TaxiDuration.Model;
using TaxiDuration.Tracking;

namespace TaxiDuration.Serving.Rollout;

/// <summary>
/// Loads a registered version the way a hot reload must: in the background, hash verified by the registry, then
/// warmed up on the canary rides (which also JITs its engines before the first real request) and checked that
/// every prediction is finite and in range. Anything else is a <see cref="ModelRejectedException"/>.
/// </summary>
public sealed class VerifiedModelLoader(RegisteredModelLoader loader, IOptions<RolloutOptions> options)
{
    /// <exception cref="ModelRejectedException">The version cannot or must not be served; the reason says why.</exception>
    public ServedModel Load(string modelName, int version)
    {
        var uri = ModelUri.ForVersion(modelName, version);
        ServedModel model;
        try
        {
            var ml = new MLContext(seed: 0);
            model = new ServedModel(ml, loader.Load(ml, uri).Model);
        }
        catch (Exception error) when (error is ArtifactIntegrityException or IOException or InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ModelRejectedException(uri.ToString(), error.Message, error);
        }

        var minutes = new float[CanaryRides.All.Count];
        model.Predict(CanaryRides.All.ToArray(), minutes);
        var limit = options.Value.MaxCanaryMinutes;
        var bad = Array.FindIndex(minutes, value => !float.IsFinite(value) || value <= 0 || value > limit);
        return bad < 0
            ? model
            : throw new ModelRejectedException(uri.ToString(), FormattableString.Invariant($"canary ride {bad} was predicted {minutes[bad]} minutes (expected a finite value in (0, {limit}])"));
    }
}
