using System.Globalization;
using TaxiDuration.Tracking;

namespace TaxiDuration.Automation.Replay;

/// <summary>
/// Every monitoring window as a tracked run (experiment <see cref="ExperimentName"/>): the figures as metrics, the
/// decision and its reasons as tags, so "why did it retrain in April?" is answered from the store.
/// </summary>
public sealed class LoopTracking(IExperimentTracker tracker)
{
    public const string ExperimentName = "taxi-duration-level4";

    /// <summary>The tag holding the trigger policy's state after a window (JSON), so the next cycle carries on from it.</summary>
    public const string PolicyStateTag = "policy_state";

    /// <param name="policyState">The policy's state after the window (JSON), kept for the next cycle; null in a replay, which keeps it in memory.</param>
    public void Record(MonthOutcome outcome, string championAfter, string? policyState = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var experiment = tracker.GetOrCreateExperiment(ExperimentName);
        var run = tracker.CreateRun(new NewRun(experiment.ExperimentId, $"monitor {outcome.Month}"));
        var now = DateTimeOffset.UtcNow;
        var drift = outcome.Drift;
        var metrics = new List<Metric>
        {
            new("drift_score", drift.DriftScore, 0, now),
            new("drifted_share", drift.DriftedShare, 0, now),
            new("prediction_psi", drift.Prediction.Psi, 0, now),
            new("trips", outcome.Trips, 0, now),
        };
        if (drift.EstimatedRmse is { } estimated)
        {
            metrics.Add(new("estimated_rmse", estimated, 0, now));
        }

        metrics.AddRange(drift.Features.Select(feature => new Metric($"drift.{feature.Feature}", feature.Test.Score, 0, now)));
        metrics.AddRange(drift.Features.Select(feature => new Metric($"psi.{feature.Feature}", feature.Psi, 0, now)));
        metrics.AddRange(drift.Features.Select(feature => new Metric($"drift_ratio.{feature.Feature}", feature.Severity, 0, now)));
        metrics.AddRange(outcome.Rmse.Select(pair => new Metric($"rmse.{pair.Key.Replace(' ', '_')}", pair.Value, 0, now)));
        if (drift.Performance is { } performance)
        {
            metrics.Add(new("rmse_ratio", performance.RmseRatio, 0, now));
            metrics.Add(new("rmse_ratio_lower_bound", performance.RmseRatioLowerBound, 0, now));
            metrics.Add(new("r2", performance.RSquared, 0, now));
        }

        var decision = outcome.Decision;
        tracker.LogBatch(run.RunId, new RunBatch
        {
            Metrics = metrics,
            Params = new Dictionary<string, string>
            {
                ["window"] = outcome.Month,
                ["data_origin"] = outcome.Origin,
                ["champion_served"] = outcome.Champion,
                ["reference_month"] = drift.ReferenceMonth,
            },
            Tags = new Dictionary<string, string>
            {
                ["action"] = decision.Action.ToString(),
                ["trigger"] = decision.Trigger.ToString(),
                ["suppression"] = decision.Suppression ?? "",
                ["explanation"] = decision.Explanation,
                ["events"] = string.Join(" | ", outcome.Events),
                ["champion_after"] = championAfter,
                ["schema_added"] = string.Join(",", drift.Quality.AddedColumns),
                ["volume_change"] = drift.Quality.VolumeChange.ToString("0.000", CultureInfo.InvariantCulture),
                [PolicyStateTag] = policyState ?? "",
            },
        });
        tracker.UpdateRun(run.RunId, RunStatus.Finished);
    }
}
