using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Serving.Sources;

namespace TaxiDuration.Serving.Tests;

/// <summary>The pooled engines under contention: one engine is not thread-safe, the pool must make that invisible.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class ServedModelTests(TrainedModelFixture model)
{
    [Fact]
    public void Many_threads_predicting_at_once_get_the_sequential_answers()
    {
        var served = Load(model.ModelPath);
        var examples = Enumerable.Range(0, 4_000)
            .Select(i => TripFeaturizer.ForRide(1 + (i % 29), 1 + (i * 13 % 29), 0.1 + (i % 97 / 7.0), new DateTime(2021, 1, 1).AddHours(i)))
            .ToList();
        var sequential = examples.Select(served.Predict).ToArray();

        var parallel = new float[examples.Count];
        Parallel.For(0, examples.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => parallel[i] = served.Predict(examples[i]));
        var batched = new float[examples.Count];
        Parallel.For(0, 8, chunk =>
        {
            var range = examples.Count / 8;
            served.Predict(examples.GetRange(chunk * range, range).ToArray(), batched.AsSpan(chunk * range, range));
        });

        Assert.Equal(sequential, parallel);
        Assert.Equal(sequential, batched);
        Assert.True(sequential.Distinct().Count() > 100, "Inputs should produce varied predictions.");
    }

    [Fact]
    public void Loaded_model_reports_the_version_from_its_metadata()
    {
        var served = Load(model.ModelPath);

        Assert.Equal(TestModel.Version, served.Version);
        Assert.Equal("Sdca", served.Metadata.Trainer);
    }

    [Fact]
    public void Publishing_swaps_the_served_model_atomically_and_returns_the_previous_one()
    {
        var holder = new ServedModelSetHolder();
        var first = ServedModelSet.Single(Load(model.ModelPath), DateTimeOffset.UnixEpoch);
        var second = ServedModelSet.Single(Load(model.ModelPath), DateTimeOffset.UnixEpoch);

        Assert.Null(holder.Current);
        Assert.Null(holder.Publish(first));
        Assert.Same(first, holder.Current);
        Assert.Same(first, holder.Publish(second));
        Assert.Same(second, holder.Current);
    }

    [Fact]
    public void Featurizer_dates_rides_without_pickup_time_at_now_in_new_york()
    {
        // 2021-07-01 12:30 UTC is 08:30 in New York (EDT, UTC-4), a Thursday.
        var clock = new FixedClock(new DateTimeOffset(2021, 7, 1, 12, 30, 0, TimeSpan.Zero));
        var featurizer = new RideFeaturizer(clock);

        var observed = featurizer.Observe(new RideRequest(43, 151, 1.01));
        var example = RideFeaturizer.ToExample(observed);

        Assert.Equal(new DateTime(2021, 7, 1, 8, 30, 0), observed.PickupTime);
        Assert.Equal("43_151", example.PickupDropoff);
        Assert.Equal(1.01f, example.TripDistance);
        Assert.Equal(8, example.PickupHour);
        Assert.Equal((float)DayOfWeek.Thursday, example.PickupDayOfWeek);
    }

    internal static ServedModel Load(string path) =>
        new ServedModelLoader(new FileSource(path), new RideFeaturizer(TimeProvider.System)).Load().Model;

    private sealed class FileSource(string path) : IModelSource
    {
        public string Describe() => path;

        public SourcedModel Load(MLContext ml) => new(ModelFile.Load(ml, path), path);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>A tree model is served through compiled trees, with ML.NET's answers.</summary>
public sealed class ServedTreeModelTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"served-trees-{Guid.NewGuid():N}.zip");

    public ServedTreeModelTests() => TestModel.TrainTrees(path);

    [Fact]
    public void A_served_tree_model_uses_compiled_trees_and_answers_what_mlnet_answers()
    {
        var served = ServedModelTests.Load(path);
        // Zones 40–45 never occur in training: their one-hot slots are all zero.
        var rides = Enumerable.Range(0, 500)
            .Select(i => TripFeaturizer.ForRide(1 + (i % 45), 1 + (i * 7 % 45), 0.1 + (i % 89 / 6.0), new DateTime(2021, 1, 1).AddHours(i)))
            .ToArray();

        var answers = rides.Select(served.Predict).ToArray();

        Assert.True(served.UsesCompiledTrees);
        for (var i = 0; i < rides.Length; i++)
        {
            var expected = PredictedDuration.FromScore(TestModel.PredictDirectly(path, rides[i]));
            Assert.True(Math.Abs(expected - answers[i]) <= 1e-4 * Math.Max(1, expected), $"ride {i}: ML.NET {expected}, served {answers[i]}");
        }
    }

    [Fact]
    public void A_linear_model_is_served_by_mlnet_and_never_answers_a_negative_duration()
    {
        var linear = Path.ChangeExtension(path, ".linear.zip");
        TestModel.Train(linear);
        var served = ServedModelTests.Load(linear);
        // A very short ride at a zone pair never seen: a linear model can score below zero here.
        var ride = TripFeaturizer.ForRide(77, 78, 0.01, new DateTime(2021, 1, 1, 3, 0, 0));

        Assert.False(served.UsesCompiledTrees);
        Assert.Equal(Math.Max(0, TestModel.PredictDirectly(linear, ride)), served.Predict(ride));
        File.Delete(linear);
    }

    public void Dispose() => File.Delete(path);
}
