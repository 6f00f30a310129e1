using TaxiDuration.Features;
using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Serving;

/// <summary>What a request was answered with: one duration per ride, and which model and variant said so.</summary>
public sealed record DurationPredictions(float[] Minutes, string ModelVersion, string Variant);

/// <summary>
/// The service's one path from rides to minutes: featurize, route to a variant of the current set, predict, then
/// tell every <see cref="IPredictionObserver"/> (metrics, and from level 3 the prediction log and shadow scoring).
/// HTTP handlers only translate HTTP around it.
/// </summary>
public sealed class DurationPredictor(
    IServedModelProvider models, RideFeaturizer featurizer, IEnumerable<IPredictionObserver> observers, TimeProvider clock)
{
    private readonly IPredictionObserver[] observers = [.. observers];

    /// <summary>Predicts validated rides in order; null when no model has been published yet.</summary>
    /// <param name="requestId">Identifies the request in every record it produces.</param>
    /// <param name="clientKey">What routing is sticky on, when the caller gave one.</param>
    /// <param name="traceId">The W3C trace the request belongs to, carried into every record it produces.</param>
    public DurationPredictions? Predict(IReadOnlyList<RideRequest?> rides, string requestId, string? clientKey, string? traceId = null)
    {
        ArgumentNullException.ThrowIfNull(rides);
        if (models.Current is not { } set)
        {
            return null;
        }

        var started = clock.GetTimestamp();
        // Sticky by client when the caller says who it is; otherwise each request is routed on its own.
        var variant = set.Route(clientKey ?? requestId);
        var observed = new ObservedRide[rides.Count];
        var examples = new TripExample[rides.Count];
        for (var i = 0; i < rides.Count; i++)
        {
            observed[i] = featurizer.Observe(rides[i] ?? throw new ArgumentException($"Ride {i} is null; validate rides first.", nameof(rides)));
            examples[i] = RideFeaturizer.ToExample(observed[i]);
        }

        var minutes = new float[examples.Length];
        variant.Model.Predict(examples, minutes);
        var batch = new PredictionBatch(
            requestId, clock.GetUtcNow(), clientKey, variant.Name, variant.Model.Version, observed, minutes, clock.GetElapsedTime(started), traceId);
        foreach (var observer in observers)
        {
            observer.OnPredicted(batch);
        }

        return new DurationPredictions(minutes, variant.Model.Version, variant.Name);
    }
}
