using TaxiDuration.Automation.Replay;
using TaxiDuration.Reporting.Results;

namespace TaxiDuration.Automation.Commands;

/// <summary>The level-4 replay as <c>result.json</c>: each policy's mean RMSE and retrains, and the level's goals.</summary>
public static class LoopReplayResults
{
    /// <param name="promotionToServed">Seconds from each promotion until a running service answered with it (when one served the replay).</param>
    public static RunResult ToRunResult(LoopReplayResult replayed, string reportPath, IReadOnlyList<double>? promotionToServed = null)
    {
        ArgumentNullException.ThrowIfNull(replayed);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var policy in replayed.Policies.Values)
        {
            var key = policy.Policy.Replace(' ', '_');
            metrics[$"{key}.mean_rmse"] = policy.MeanRmse;
            metrics[$"{key}.retrains"] = policy.Retrains;
            metrics[$"{key}.fit_seconds"] = policy.FitTime.TotalSeconds;
        }

        metrics[ResultKeys.ElapsedSeconds] = replayed.Stages.Values.Sum(stage => stage.TotalSeconds);
        if (promotionToServed is { Count: > 0 })
        {
            metrics["promotions_served"] = promotionToServed.Count;
            metrics["promotion_to_served_max_seconds"] = promotionToServed.Max();
        }

        var loop = replayed.Policies[PolicyNames.Level4];
        var scheduled = replayed.Policies[PolicyNames.Scheduled];
        var frozen = replayed.Policies[PolicyNames.Frozen];
        return new RunResult
        {
            Level = 4,
            Host = "levels/level4/Training replay-loop",
            Summary = $"{replayed.Months.Count} months replayed: level 4 mean RMSE {loop.MeanRmse:0.000} with {loop.Retrains} retrains (scheduled {scheduled.MeanRmse:0.000} with {scheduled.Retrains}, frozen {frozen.MeanRmse:0.000})",
            Data = [.. replayed.Months.Select(month => new DataUse("served", month.Month, month.Origin, "", month.Trips, month.Trips))],
            Metrics = metrics,
            Outputs = new Dictionary<string, string>(StringComparer.Ordinal) { [ResultKeys.SummaryFile] = reportPath },
            Goals =
            [
                new GoalCheck("level-4 mean RMSE ÷ scheduled", "≤ 1.05", loop.MeanRmse / scheduled.MeanRmse, loop.MeanRmse <= 1.05 * scheduled.MeanRmse, Applies: true),
                new GoalCheck("level-4 retrains ÷ scheduled retrains", "≤ 0.5", (double)loop.Retrains / Math.Max(1, scheduled.Retrains), loop.Retrains * 2 <= scheduled.Retrains, Applies: true),
                new GoalCheck("level-4 mean RMSE ÷ frozen", "< 1", loop.MeanRmse / frozen.MeanRmse, loop.MeanRmse < frozen.MeanRmse, Applies: true),
            ],
        };
    }
}
