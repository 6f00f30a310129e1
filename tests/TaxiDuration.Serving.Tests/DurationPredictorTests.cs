using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Serving.Tests;

/// <summary>The predictor is the service's one path: every answer is observed, with who answered and what was asked.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class DurationPredictorTests(TrainedModelFixture model)
{
    [Fact]
    public void Observers_see_each_request_with_its_rides_predictions_version_and_variant()
    {
        var holder = new ServedModelSetHolder();
        holder.Publish(ServedModelSet.Single(ServedModelTests.Load(model.ModelPath), DateTimeOffset.UnixEpoch));
        var observer = new RecordingObserver();
        var predictor = new DurationPredictor(holder, new RideFeaturizer(TimeProvider.System), [observer], TimeProvider.System);
        var pickup = new DateTime(2021, 2, 3, 8, 15, 0);

        var answer = predictor.Predict([new RideRequest(43, 151, 1.5, pickup), new RideRequest(74, 75, 0.8, pickup)], "request-1", "client-7");

        Assert.NotNull(answer);
        var batch = Assert.Single(observer.Batches);
        Assert.Equal("request-1", batch.RequestId);
        Assert.Equal("client-7", batch.ClientKey);
        Assert.Equal(ServedVariant.ChampionName, batch.Variant);
        Assert.Equal(TestModel.Version, batch.ModelVersion);
        Assert.Equal(answer.Minutes, batch.Minutes.ToArray());
        Assert.Equal([new ObservedRide(43, 151, 1.5, pickup, null), new ObservedRide(74, 75, 0.8, pickup, null)], batch.Rides);
        Assert.True(batch.Latency > TimeSpan.Zero);
        Assert.Equal(TestModel.PredictDirectly(model.ModelPath, RideFeaturizer.ToExample(batch.Rides[0])), answer.Minutes[0]);
    }

    [Fact]
    public void Without_a_published_model_there_is_no_answer_and_nothing_is_observed()
    {
        var observer = new RecordingObserver();
        var predictor = new DurationPredictor(new ServedModelSetHolder(), new RideFeaturizer(TimeProvider.System), [observer], TimeProvider.System);

        Assert.Null(predictor.Predict([new RideRequest(1, 2, 1.0)], "request-2", clientKey: null));
        Assert.Empty(observer.Batches);
    }

    private sealed class RecordingObserver : IPredictionObserver
    {
        public List<PredictionBatch> Batches { get; } = [];

        public void OnPredicted(PredictionBatch batch) => Batches.Add(batch);
    }
}
