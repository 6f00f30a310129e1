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
    private readonly Histogram predictedMinutes;
    private VersionSeries? latest;

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
        predictedMinutes = factory.CreateHistogram(
            "taxi_predicted_duration_minutes", "Predicted trip durations in minutes, by variant and model version.", labels,
            new HistogramConfiguration { Buckets = [2, 5, 10, 15, 20, 30, 45, 60, 90] });
    }

    public void OnPredicted(PredictionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var series = SeriesFor(batch.Variant, batch.ModelVersion);
        var minutes = batch.Minutes.Span;
        series.Requests.Inc();
        series.Latency.Observe(batch.Latency.TotalSeconds);
        series.Predictions.Inc(minutes.Length);
        foreach (var value in minutes)
        {
            series.PredictedMinutes.Observe(value);
        }
    }

    // Looking labelled children up costs dictionary probes per call; with one variant (levels 1 and 2) the series of
    // the latest one are kept (a benign race at a swap, or a second variant, just looks them up again).
    private VersionSeries SeriesFor(string variant, string version)
    {
        var series = Volatile.Read(ref latest);
        if (series is not null && string.Equals(series.Version, version, StringComparison.Ordinal) && string.Equals(series.Variant, variant, StringComparison.Ordinal))
        {
            return series;
        }

        series = new VersionSeries(
            variant, version, requests.WithLabels(variant, version), latency.WithLabels(variant, version),
            predictions.WithLabels(variant, version), predictedMinutes.WithLabels(variant, version));
        Volatile.Write(ref latest, series);
        return series;
    }

    private sealed record VersionSeries(
        string Variant, string Version, Counter.Child Requests, Histogram.Child Latency, Counter.Child Predictions, Histogram.Child PredictedMinutes);
}
