using Prometheus;
using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Serving;

/// <summary>
/// Model-level metrics next to the HTTP ones: how many predictions each model version made and the distribution
/// of what it predicted (a shift there is the first sign of prediction drift). The first prediction observer.
/// </summary>
public sealed class PredictionMetricsObserver : IPredictionObserver
{
    private readonly Counter predictions;
    private readonly Histogram predictedMinutes;
    private VersionSeries? latest;

    /// <summary>Registers the prediction metrics in <paramref name="registry"/>.</summary>
    public PredictionMetricsObserver(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        predictions = factory.CreateCounter(
            "taxi_predictions_total", "Trip durations predicted, by model version.", ["model_version"]);
        predictedMinutes = factory.CreateHistogram(
            "taxi_predicted_duration_minutes", "Predicted trip durations in minutes, by model version.", ["model_version"],
            new HistogramConfiguration { Buckets = [2, 5, 10, 15, 20, 30, 45, 60, 90] });
    }

    public void OnPredicted(PredictionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var series = SeriesFor(batch.ModelVersion);
        var minutes = batch.Minutes.Span;
        series.Predictions.Inc(minutes.Length);
        foreach (var value in minutes)
        {
            series.PredictedMinutes.Observe(value);
        }
    }

    // Looking a labelled child up costs a dictionary probe per call; the version only changes on reload, so the
    // children of the latest version are kept (a benign race at a swap just looks them up again).
    private VersionSeries SeriesFor(string version)
    {
        var series = Volatile.Read(ref latest);
        if (series is not null && string.Equals(series.Version, version, StringComparison.Ordinal))
        {
            return series;
        }

        series = new VersionSeries(version, predictions.WithLabels(version), predictedMinutes.WithLabels(version));
        Volatile.Write(ref latest, series);
        return series;
    }

    private sealed record VersionSeries(string Version, Counter.Child Predictions, Histogram.Child PredictedMinutes);
}
