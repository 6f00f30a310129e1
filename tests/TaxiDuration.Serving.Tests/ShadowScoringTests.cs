using Microsoft.Extensions.Options;
using Prometheus;
using TaxiDuration.Monitoring.Observation;
using TaxiDuration.Serving.Rollout;

namespace TaxiDuration.Serving.Tests;

/// <summary>Shadow mode scores the challenger beside the answer, never instead of it, and never makes a request wait.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class ShadowScoringTests(TrainedModelFixture model)
{
    [Fact]
    public async Task A_shadowed_request_is_answered_by_the_champion_and_logged_with_the_shadow_prediction_under_the_same_id()
    {
        var (champion, shadow) = (ServedModelTests.Load(model.ModelPath), ServedModelTests.Load(model.ModelPath));
        var holder = new ServedModelSetHolder();
        holder.Publish(ServedModelSet.Create(
            [new ServedVariant("champion", champion, 1, DateTimeOffset.UnixEpoch)], new ServedVariant("challenger", shadow, 0, DateTimeOffset.UnixEpoch)));
        var log = new RecordingLog();
        using var scoring = new ShadowScoring(holder, Options.Create(new RolloutOptions { Shadow = new ShadowOptions { SampleShare = 1 } }), Metrics.NewCustomRegistry(), TimeProvider.System, log);
        await scoring.StartAsync(CancellationToken.None);
        var predictor = new DurationPredictor(holder, new RideFeaturizer(TimeProvider.System), [scoring], TimeProvider.System);

        var answer = predictor.Predict([new RideRequest(43, 151, 2.5, new DateTime(2021, 3, 3, 9, 0, 0), "trip-1")], "request-7", "client-1")!;
        await scoring.StopAsync(CancellationToken.None);

        var (batch, shadowed) = Assert.Single(log.Entries);
        Assert.Equal("champion", answer.Variant);
        Assert.Equal("request-7", batch.RequestId);
        Assert.Equal(answer.Minutes, batch.Minutes.ToArray());
        Assert.NotNull(shadowed);
        Assert.Equal("challenger", shadowed.Variant);
        Assert.Equal(TestModel.PredictDirectly(model.ModelPath, RideFeaturizer.ToExample(batch.Rides[0])), shadowed.Minutes.Span[0]);
        Assert.Equal("trip-1", batch.Rides[0].TripKey);
    }

    [Fact]
    public async Task When_the_shadow_queue_is_full_requests_are_still_answered_and_logged_and_the_drops_are_counted()
    {
        var served = ServedModelTests.Load(model.ModelPath);
        var holder = new ServedModelSetHolder();
        holder.Publish(ServedModelSet.Create([new ServedVariant("champion", served, 1, DateTimeOffset.UnixEpoch)], new ServedVariant("challenger", served, 0, DateTimeOffset.UnixEpoch)));
        var log = new RecordingLog();
        var registry = Metrics.NewCustomRegistry();
        // Never started: nothing drains the queue of one, so every request after the first finds it full.
        using var scoring = new ShadowScoring(holder, Options.Create(new RolloutOptions { Shadow = new ShadowOptions { QueueCapacity = 1 } }), registry, TimeProvider.System, log);
        var predictor = new DurationPredictor(holder, new RideFeaturizer(TimeProvider.System), [scoring], TimeProvider.System);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(predictor.Predict([new RideRequest(1, 2, 1.0)], $"request-{i}", clientKey: null));
        }

        Assert.Equal(9, log.Entries.Count);
        Assert.All(log.Entries, entry => Assert.Null(entry.Shadow));
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        Assert.Contains("taxi_shadow_dropped_total 9", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    private sealed class RecordingLog : IPredictionLog
    {
        public List<(PredictionBatch Batch, ShadowPredictions? Shadow)> Entries { get; } = [];

        public bool TryAppend(PredictionBatch batch, ShadowPredictions? shadow)
        {
            lock (Entries)
            {
                Entries.Add((batch, shadow));
            }

            return true;
        }
    }
}
