using Microsoft.ML;
using TaxiDuration.Data.Reading;
using TaxiDuration.Features;
using TaxiDuration.Model.Trees;
using TaxiDuration.TestSupport;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Model.Tests;

/// <summary>The compiled trees must give ML.NET's own scores, row for row, for every tree model the template trains.</summary>
public sealed class CompiledTreeTests
{
    public static TheoryData<string, FeatureSet> TreeModels => new()
    {
        { TrainerNames.LightGbm, FeatureSet.Rich },
        { TrainerNames.LightGbm, FeatureSet.Dense },
        { TrainerNames.FastTree, FeatureSet.Rich },
        { TrainerNames.FastTree, FeatureSet.Dense },
        { TrainerNames.LightGbm, FeatureSet.PairPrior },
    };

    [Theory]
    [MemberData(nameof(TreeModels))]
    public void Compiled_scores_equal_mlnet_scores_including_unseen_zones(string trainer, FeatureSet features)
    {
        var ml = new MLContext(seed: 5);
        var model = Fit(ml, trainer, features, TinyModels.Trips(3_000, seed: 1));
        // Zones 30–40 never occur in training: their one-hot blocks are all zeros, their IDs outside every split.
        var rides = TinyModels.Trips(1_500, seed: 2).Concat(Enumerable.Range(0, 50).Select(i => Ride(30 + (i % 10), 1 + (i % 5), 0.1f + i))).ToArray();

        var compiled = CompiledTreeModel.TryCompile(model);

        Assert.NotNull(compiled);
        AssertSameScores(MlNetScores(ml, model, rides), compiled.Predict(ml, rides, _ => throw new InvalidOperationException("no fallback expected")));
    }

    [Fact]
    public void Categorical_splits_on_one_hot_zones_are_compiled_not_skipped()
    {
        var ml = new MLContext(seed: 5);
        var model = Fit(ml, TrainerNames.LightGbm, FeatureSet.Rich, TinyModels.Trips(3_000, seed: 1));

        var compiled = CompiledTreeModel.TryCompile(model)!;

        // The Rich vector is dozens of one-hot slots; the compiled row keeps one code per block and only the
        // numbers some split reads.
        Assert.True(compiled.Trees.FeatureCount > 40);
        Assert.True(compiled.Trees.RowWidth < compiled.Trees.FeatureCount / 2, $"row width {compiled.Trees.RowWidth} of {compiled.Trees.FeatureCount}");
    }

    [Fact]
    public void A_ride_whose_features_cannot_be_compiled_is_scored_by_the_fallback()
    {
        var ml = new MLContext(seed: 5);
        var model = Fit(ml, TrainerNames.LightGbm, FeatureSet.Dense, TinyModels.Trips(3_000, seed: 1));
        var compiled = CompiledTreeModel.TryCompile(model)!;
        // A zone that is not a number becomes NaN in the dense vector, whose handling ML.NET keeps to itself.
        var odd = Ride(3, 4, 2.5f);
        odd.PickupLocation = "not-a-zone";
        var fallbackCalls = 0;

        var scores = compiled.Predict(ml, [Ride(3, 4, 2.5f), odd], example =>
        {
            fallbackCalls++;
            return -1f;
        });

        Assert.Equal(1, fallbackCalls);
        Assert.Equal(-1f, scores[1]);
        Assert.Equal(MlNetScores(ml, model, [Ride(3, 4, 2.5f)])[0], scores[0], 4);
        Assert.Null(compiled.Score(compiled.CreateFeatureEngine(ml).Predict(odd).Features, new float[compiled.Trees.RowWidth]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    public void Rows_walked_chunk_by_chunk_on_any_number_of_threads_keep_their_order_and_their_fallbacks(int threads)
    {
        var ml = new MLContext(seed: 5);
        var model = Fit(ml, TrainerNames.LightGbm, FeatureSet.Dense, TinyModels.Trips(3_000, seed: 1));
        var compiled = CompiledTreeModel.TryCompile(model)!;
        // Several chunks of rows (2,048 each) and a short last one, with unscorable rides in the first, a middle and the last chunk.
        var rides = TinyModels.Trips(5_000, seed: 3).ToArray();
        int[] odd = [0, 2_100, 4_999];
        foreach (var index in odd)
        {
            rides[index] = Ride(3, 4, 2.5f);
            rides[index].PickupLocation = "not-a-zone";
        }

        var scores = compiled.Predict(ml, rides, _ => -1f, threads);

        var expected = MlNetScores(ml, model, rides);
        foreach (var index in odd)
        {
            expected[index] = -1f;
        }

        AssertSameScores(expected, scores);
    }

    [Fact]
    public void The_single_ride_path_equals_the_batch_path()
    {
        var ml = new MLContext(seed: 5);
        var model = Fit(ml, TrainerNames.LightGbm, FeatureSet.Rich, TinyModels.Trips(3_000, seed: 1));
        var compiled = CompiledTreeModel.TryCompile(model)!;
        var rides = TinyModels.Trips(300, seed: 9);
        var engine = compiled.CreateFeatureEngine(ml);
        var scratch = new float[compiled.Trees.RowWidth];

        var single = rides.Select(ride => compiled.Score(engine.Predict(ride).Features, scratch)!.Value).ToArray();

        AssertSameScores(compiled.Predict(ml, rides, _ => float.NaN), single);
    }

    [Fact]
    public void Linear_models_are_not_compiled()
    {
        var ml = new MLContext(seed: 5);
        var model = Fit(ml, TrainerNames.Linear, FeatureSet.Course, TinyModels.Trips(500, seed: 1));

        Assert.Null(CompiledTreeModel.TryCompile(model));
    }

    [RealDataFact("2021-01", "2021-02")]
    public async Task On_a_real_month_compiled_LightGbm_equals_mlnet_on_every_trip()
    {
        var reader = new TlcTripReader();
        var train = TripFeaturizer.Featurize(await reader.ReadAllAsync(RealData.GreenMonth("2021-01"))).Examples;
        var month = TripFeaturizer.Featurize(await reader.ReadAllAsync(RealData.GreenMonth("2021-02"))).Examples;
        var ml = new MLContext(seed: 5);
        var model = Fit(ml, TrainerNames.LightGbm, FeatureSet.PairPrior, train, trees: 100);

        var compiled = CompiledTreeModel.TryCompile(model)!.Predict(ml, month, _ => throw new InvalidOperationException("no fallback expected"));

        AssertSameScores(MlNetScores(ml, model, month), compiled);
    }

    private static ITransformer Fit(MLContext ml, string trainer, FeatureSet features, IReadOnlyList<TripExample> trips, int trees = 40)
    {
        var spec = trainer == TrainerNames.Linear
            ? TrainerSpec.Linear()
            : new TrainerSpec(trainer, new Dictionary<string, double> { [TrainerParameters.Trees] = trees, [TrainerParameters.Leaves] = 31 });
        return TrainerFactory.CreatePipeline(ml, features, spec).Fit(ml.Data.LoadFromEnumerable(trips));
    }

    // ML.NET's own path: one Transform and its Score column, with no compiled trees involved.
    private static float[] MlNetScores(MLContext ml, ITransformer model, IReadOnlyList<TripExample> rides) =>
        [.. ml.Data.CreateEnumerable<DurationPrediction>(model.Transform(ml.Data.LoadFromEnumerable(rides)), reuseRowObject: false).Select(row => row.Score)];

    private static void AssertSameScores(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // Both sum the same leaves in double; only the order of float rounding can differ.
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i])), $"row {i}: ML.NET {expected[i]}, compiled {actual[i]}");
        }
    }

    private static TripExample Ride(int pickup, int dropoff, float miles) =>
        TripFeaturizer.ForRide(pickup, dropoff, miles, new DateTime(2021, 2, 3, 8, 30, 0));
}
