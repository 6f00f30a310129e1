using System.Collections.Concurrent;
using Prometheus;
using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Serving;

/// <summary>
/// Model-level metrics next to the HTTP ones, per variant and model version: requests answered, their latency
/// (featurize + predict), how many predictions and the distribution of what was predicted (a shift there is the
/// first sign of prediction drift). The first prediction observer.
/// </summary>
public sealed class PredictionMetricsObserver : IPredictionObserver
{
    private readonly Counter requests;
    private readonly Histogram latency;
    private readonly Counter predictions;
    private readonly Histogram predictedDuration;
    private readonly ConcurrentDictionary<(string Variant, string Version), VersionSeries> series = new();

    /// <summary>Registers the prediction metrics in <paramref name="registry"/>.</summary>
    public PredictionMetricsObserver(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        string[] labels = ["variant", "model_version"];
        requests = factory.CreateCounter(
            "taxi_prediction_requests_total", "Prediction requests answered, by variant and model version.", labels);
        latency = factory.CreateHistogram(
            "taxi_prediction_duration_seconds", "Time to featurize and predict one request, by variant and model version.", labels,
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.00001, 2, 14) });
        predictions = factory.CreateCounter(
            "taxi_predictions_total", "Trip durations predicted, by variant and model version.", labels);
        predictedDuration = factory.CreateHistogram(
            "taxi_predicted_duration_seconds", "Predicted trip durations in seconds, by variant and model version.", labels,
            new HistogramConfiguration { Buckets = PredictedDurationHistogram.Buckets });
    }

    public void OnPredicted(PredictionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var children = SeriesFor(batch.Variant, batch.ModelVersion);
        var minutes = batch.Minutes.Span;
        children.Requests.Inc();
        children.Latency.Observe(batch.Latency.TotalSeconds);
        children.Predictions.Inc(minutes.Length);
        foreach (var value in minutes)
        {
            children.PredictedDuration.Observe(PredictedDurationHistogram.Seconds(value));
        }
    }

    // Looking labelled children up builds and hashes a label sequence per call; the children of each (variant,
    // version) are kept instead, in a map that grows by one entry per version ever served.
    private VersionSeries SeriesFor(string variant, string version) =>
        series.TryGetValue((variant, version), out var found)
            ? found
            : series.GetOrAdd((variant, version), key => new VersionSeries(
                requests.WithLabels(key.Variant, key.Version), latency.WithLabels(key.Variant, key.Version),
                predictions.WithLabels(key.Variant, key.Version), predictedDuration.WithLabels(key.Variant, key.Version)));

    private sealed record VersionSeries(
        Counter.Child Requests, Histogram.Child Latency, Counter.Child Predictions, Histogram.Child PredictedDuration);
}
