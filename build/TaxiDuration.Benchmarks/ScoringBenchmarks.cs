using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using TaxiDuration.Data.Reading;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Model.Trees;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Benchmarks;

/// <summary>
/// Batch scoring of a month, the cost behind every evaluation, gate, shadow comparison and replay: each trainer
/// with its level-2 defaults is fitted on green 2021-01 and scores all kept trips of green 2021-02 through
/// <see cref="BatchScorer"/>. Budget for trees: ≤ 5 µs a row. Divide the mean by <see cref="Rows"/> for µs a row.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly MLContext ml = new(seed: 0);
    private ITransformer model = null!;
    private CompiledTreeModel? compiled;
    private TripExample[] month = [];

    [Params(TrainerNames.Linear, TrainerNames.FastTree, TrainerNames.LightGbm)]
    public string Trainer { get; set; } = TrainerNames.LightGbm;

    /// <summary>Kept trips of green 2021-02: the divisor for a per-row figure.</summary>
    public int Rows => month.Length;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var reader = new TlcTripReader();
        var training = TripFeaturizer.Featurize(await reader.ReadAllAsync(BenchmarkData.MonthPath())).Examples;
        month = [.. TripFeaturizer.Featurize(await reader.ReadAllAsync(BenchmarkData.MonthPath(BenchmarkData.ScoringFileName))).Examples];
        // The level-2 pipeline's choice per trainer (CandidatePlan): the course features for linear, zones + pair prior for trees.
        var featureSet = Trainer == TrainerNames.Linear ? FeatureSet.Course : FeatureSet.PairPrior;
        model = TrainerFactory.CreatePipeline(ml, featureSet, new TrainerSpec(Trainer)).Fit(ml.Data.LoadFromEnumerable(training));
        compiled = CompiledTreeModel.TryCompile(model);
        rows = compiled is null ? [] : CompiledRows();
        Console.WriteLine($"// {Trainer}: {Rows} rows to score; compiled trees: {compiled?.Trees.TreeCount.ToString() ?? "none"}");
    }

    [Benchmark(Description = "score green 2021-02 (BatchScorer)")]
    public float ScoreMonth() => BatchScorer.Predict(ml, model, month)[^1];

    // The same on the caller's thread alone (trees walked chunk by chunk as they are featurized): CPU per row.
    [Benchmark(Description = "score green 2021-02 on one thread")]
    public float ScoreMonthOnOneThread() => BatchScorer.Predict(ml, model, month, maxDegreeOfParallelism: 1)[^1];

    // The two halves of the compiled path, to see which one a change moves (trees only; linear has neither).
    [Benchmark(Description = "trees only: featurize into compiled rows")]
    public int FeaturizeRows() => compiled is null ? 0 : CompiledRows().Length;

    [Benchmark(Description = "trees only: walk compiled rows")]
    public float WalkTrees()
    {
        if (compiled is null)
        {
            return 0;
        }

        var output = new float[month.Length];
        compiled.Trees.ScoreRows(rows, output);
        return output[^1];
    }

    private float[] rows = [];

    private float[] CompiledRows()
    {
        var width = compiled!.Trees.RowWidth;
        var buffer = new float[month.Length * width];
        var featurized = compiled.Featurizer.Transform(ml.Data.LoadFromEnumerable(month));
        var column = featurized.Schema[compiled.FeatureColumn];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<Microsoft.ML.Data.VBuffer<float>>(column);
        var vector = default(Microsoft.ML.Data.VBuffer<float>);
        for (var row = 0; cursor.MoveNext(); row++)
        {
            getter(ref vector);
            compiled.Trees.WriteRow(vector, buffer.AsSpan(row * width, width));
        }

        return buffer;
    }
}
