using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using TaxiDuration.Features;
using TaxiDuration.Model.Trees;

namespace TaxiDuration.Model;

/// <summary>
/// Scores many trips at once: one <c>Transform</c> over the whole batch and a typed cursor over its <c>Score</c>
/// column (trees: the compiled ensemble of <see cref="CompiledTreeModel"/>). Where a month is scored (evaluation, the gate, monitoring) this replaces a prediction engine per row.
/// </summary>
public static class BatchScorer
{
    // Compiled once per loaded model (a warm-up and the timed run, or every month a monitor scores, reuse it).
    private static readonly ConditionalWeakTable<ITransformer, StrongBox<CompiledTreeModel?>> CompiledTrees = new();

    /// <summary>The name of the column every regression pipeline writes its prediction to.</summary>
    public const string ScoreColumn = nameof(DurationPrediction.Score);

    /// <summary>Predicted minutes for each example, in order (see <see cref="PredictedDuration"/>).</summary>
    /// <param name="maxDegreeOfParallelism">
    /// Threads a tree model's rows are walked on (−1: every core). 1 keeps the work on the caller's thread, for a
    /// thread-CPU-time measurement; other models are ML.NET's single cursor either way.
    /// </param>
    public static float[] Predict(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples, int maxDegreeOfParallelism = -1)
    {
        var predictions = Scores(ml, model, examples, maxDegreeOfParallelism);
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = PredictedDuration.FromScore(predictions[i]);
        }

        return predictions;
    }

    private static float[] Scores(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        var predictions = new float[examples.Count];
        if (examples.Count == 0)
        {
            return predictions;
        }

        if (CompiledTrees.GetValue(model, static model => new(CompiledTreeModel.TryCompile(model))).Value is { } trees)
        {
            // Rows the compiled trees cannot score (a NaN feature) are rare: an engine per such row is fine.
            var engine = new Lazy<PredictionEngine<TripExample, DurationPrediction>>(() => ml.Model.CreatePredictionEngine<TripExample, DurationPrediction>(model));
            return trees.Predict(ml, examples, example => engine.Value.Predict(example).Score, maxDegreeOfParallelism);
        }

        var scored = model.Transform(ml.Data.LoadFromEnumerable(examples));
        var score = scored.Schema[ScoreColumn];
        using var cursor = scored.GetRowCursor([score]);
        var getter = cursor.GetGetter<float>(score);
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref predictions[row++]);
        }

        return row == predictions.Length
            ? predictions
            : throw new InvalidOperationException($"The model returned {row} scores for {predictions.Length} trips.");
    }
}
