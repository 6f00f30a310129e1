using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;

namespace TaxiDuration.Training.Evaluation;

/// <summary>
/// A model's steady batch-scoring cost per row: the best of a few timed passes over a slice, in thread CPU seconds
/// (scored on this thread alone, or the clock would miss the rows other threads walk).
/// Call it after the model has scored once (JIT, compiled trees paid); the minimum is the figure least disturbed
/// by other work on the machine.
/// </summary>
public static class ScoringCost
{
    private const int SampleRows = 5_000;
    private const int Repeats = 3;

    public static double SecondsPerRow(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var slice = examples.Take(SampleRows).ToArray();
        var best = double.PositiveInfinity;
        for (var i = 0; i < Repeats && slice.Length > 0; i++)
        {
            best = Math.Min(best, ThreadCpuClock.Measure(() => BatchScorer.Predict(ml, model, slice, maxDegreeOfParallelism: 1)));
        }

        // A clock tick can round a tiny model's pass to zero; a cost is positive by definition.
        return Math.Max(best, 1e-9) / Math.Max(1, slice.Length);
    }
}
