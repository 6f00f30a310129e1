using Microsoft.ML;
using Microsoft.ML.Data;
using TaxiDuration.Features;

namespace TaxiDuration.Model;

/// <summary>
/// Scores many trips at once: one <c>Transform</c> over the whole batch and a typed cursor over its <c>Score</c>
/// column. Where a month is scored (evaluation, the gate, monitoring) this replaces a prediction engine per row.
/// </summary>
public static class BatchScorer
{
    /// <summary>The name of the column every regression pipeline writes its prediction to.</summary>
    public const string ScoreColumn = nameof(DurationPrediction.Score);

    /// <summary>Predicted minutes for each example, in order.</summary>
    public static float[] Predict(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        var predictions = new float[examples.Count];
        if (examples.Count == 0)
        {
            return predictions;
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
