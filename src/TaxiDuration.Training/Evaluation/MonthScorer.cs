using Microsoft.ML;
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
    /// <summary>Scores <paramref name="model"/> on an already prepared month (several models on one month read it once).</summary>
    public ScoredMonth Score(ModelUri model, PreparedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var ml = new MLContext(seed: 0);
        var loaded = models.Load(ml, model);
        var predicted = BatchScorer.Predict(ml, loaded.Model.Transformer, month.Examples);
        return new ScoredMonth(month, loaded, predicted, ScoringCost.SecondsPerRow(ml, loaded.Model.Transformer, month.Examples));
    }

    /// <summary>Prepares <paramref name="month"/> in the role "scoring" and scores <paramref name="model"/> on it.</summary>
    /// <exception cref="DataValidationFailedException">The month does not meet the data expectations.</exception>
    public async Task<ScoredMonth> ScoreAsync(ModelUri model, TaxiMonth month, CancellationToken cancellationToken) =>
        Score(model, await months.PrepareAsync("scoring", month, cancellationToken));
}
