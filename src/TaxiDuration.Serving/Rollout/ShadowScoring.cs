using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prometheus;
using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Serving.Rollout;

/// <summary>
/// Shadow mode and the prediction log's feed. For a sampled request the shadow model scores the same rides on a
/// background worker, through a bounded queue that drops (and counts) when full, so a request never waits for it;
/// its predictions go to the log beside the answer with the same request id, and are never returned. Requests
/// not shadowed go to the log at once.
/// </summary>
public sealed class ShadowScoring : BackgroundService, IPredictionObserver
{
    private readonly IServedModelProvider models;
    private readonly IPredictionLog? log;
    private readonly ShadowOptions? shadow;
    private readonly Channel<(PredictionBatch Batch, ServedVariant Shadow)> queue;
    private readonly Counter dropped;
    private readonly Histogram shadowDuration;
    private readonly TimeProvider clock;

    public ShadowScoring(IServedModelProvider models, IOptions<RolloutOptions> options, CollectorRegistry registry, TimeProvider clock, IPredictionLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.models = models;
        this.log = log;
        this.clock = clock;
        shadow = options.Value.Shadow;
        queue = Channel.CreateBounded<(PredictionBatch, ServedVariant)>(new BoundedChannelOptions(shadow?.QueueCapacity ?? 1)
        {
            // Wait mode: TryWrite then answers false when full (DropWrite would drop silently and report success).
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        var factory = Metrics.WithCustomRegistry(registry);
        dropped = factory.CreateCounter("taxi_shadow_dropped_total", "Requests not shadow-scored because the shadow queue was full.");
        shadowDuration = factory.CreateHistogram("taxi_shadow_predicted_duration_seconds", "Durations the shadow model predicted, in seconds, by model version.", ["model_version"],
            new HistogramConfiguration { Buckets = PredictedDurationHistogram.Buckets });
    }

    public void OnPredicted(PredictionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (shadow is not null && models.Current?.Shadow is { } shadowVariant && StableHash.UnitInterval(batch.RequestId) < shadow.SampleShare)
        {
            if (queue.Writer.TryWrite((batch, shadowVariant)))
            {
                return;
            }

            dropped.Inc();
        }

        log?.TryAppend(batch, shadow: null);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Score what is queued before stopping, so a graceful stop loses no shadow pair (also when the worker was
        // cancelled before it ever ran, as a stop right after the start can do).
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        while (queue.Reader.TryRead(out var item))
        {
            Score(item.Batch, item.Shadow);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (batch, shadowVariant) in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            Score(batch, shadowVariant);
        }
    }

    private void Score(PredictionBatch batch, ServedVariant shadowVariant)
    {
        var started = clock.GetTimestamp();
        var examples = batch.Rides.Select(ride => RideFeaturizer.ToExample(ride)).ToArray();
        var minutes = new float[examples.Length];
        shadowVariant.Model.Predict(examples, minutes);
        var child = shadowDuration.WithLabels(shadowVariant.Model.Version);
        foreach (var value in minutes)
        {
            child.Observe(PredictedDurationHistogram.Seconds(value));
        }

        log?.TryAppend(batch, new ShadowPredictions(shadowVariant.Name, shadowVariant.Model.Version, minutes, clock.GetElapsedTime(started)));
    }
}
