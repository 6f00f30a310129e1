using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Trips;

namespace TaxiDuration.Training.Evaluation;

/// <summary>A registered version scored on every kept trip of a month, with what the scoring cost.</summary>
/// <param name="Predicted">One prediction per <see cref="PreparedMonth.Examples"/> row, in order.</param>
/// <param name="SecondsPerRow">Steady scoring cost per row, thread CPU seconds (the gate compares it between models).</param>
public sealed record ScoredMonth(PreparedMonth Month, LoadedVersion Model, float[] Predicted, double SecondsPerRow);

/// <summary>
/// "Score registered model X on month M": prepare the month as training does (validated, featurized), load the
/// version from the registry (hash verified) and score it in one batch. The gate and the monitor build on it.
/// </summary>
public sealed class MonthScorer(MonthPreparation months, RegisteredModelLoader models)
{
    private const int CostSampleRows = 5_000;

    /// <summary>Scores <paramref name="model"/> on an already prepared month (several models on one month read it once).</summary>
    public ScoredMonth Score(ModelUri model, PreparedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var ml = new MLContext(seed: 0);
        var loaded = models.Load(ml, model);
        var predicted = BatchScorer.Predict(ml, loaded.Model.Transformer, month.Examples);
        return new ScoredMonth(month, loaded, predicted, SecondsPerRow(ml, loaded.Model.Transformer, month.Examples));
    }

    // The best of a few timed passes over a slice, after the whole month has paid the model's one-off costs (JIT,
    // compiled trees): the steady cost of serving, and the minimum is the figure least disturbed by other work.
    private static double SecondsPerRow(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples)
    {
        const int Repeats = 3;
        var slice = examples.Take(CostSampleRows).ToArray();
        var best = double.PositiveInfinity;
        for (var i = 0; i < Repeats && slice.Length > 0; i++)
        {
            best = Math.Min(best, ThreadCpuClock.Measure(() => BatchScorer.Predict(ml, model, slice)));
        }

        // A clock tick can round a tiny model's pass to zero; a cost is positive by definition.
        return Math.Max(best, 1e-9) / Math.Max(1, slice.Length);
    }

    /// <summary>Prepares <paramref name="month"/> in the role "scoring" and scores <paramref name="model"/> on it.</summary>
    /// <exception cref="DataValidationFailedException">The month does not meet the data expectations.</exception>
    public async Task<ScoredMonth> ScoreAsync(ModelUri model, TaxiMonth month, CancellationToken cancellationToken) =>
        Score(model, await months.PrepareAsync("scoring", month, cancellationToken));
}
