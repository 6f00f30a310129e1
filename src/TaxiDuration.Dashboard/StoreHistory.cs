using Microsoft.Extensions.Options;
using TaxiDuration.Tracking;

namespace TaxiDuration.Dashboard;

/// <summary>Reads what the dashboard shows from the tracking store: the registry's history and the level-4 loop's windows.</summary>
public sealed class StoreHistory(IModelRegistry registry, IExperimentTracker tracker, IOptions<DashboardOptions> options)
{
    private const string FeatureDriftPrefix = "drift_ratio.";

    public HistoryResponse History()
    {
        var settings = options.Value;
        if (!registry.ListRegisteredModels().Any(model => model.Name == settings.ModelName))
        {
            return new HistoryResponse(settings.ModelName, [], []);
        }

        return new HistoryResponse(
            settings.ModelName,
            [.. registry.GetAliasHistory(settings.ModelName).OrderByDescending(change => change.Sequence).Take(settings.MaxItems)
                .Select(change => new AliasMove(change.ChangedAt, change.Alias, change.FromVersion, change.ToVersion, change.Actor, change.Reason))],
            [.. registry.GetDecisions(settings.ModelName).OrderByDescending(decision => decision.Sequence).Take(settings.MaxItems)
                .Select(decision => new GateVerdict(
                    decision.DecidedAt, decision.CandidateVersion, decision.ChampionVersion, decision.Month, decision.Verdict, decision.Reason, decision.Actor))]);
    }

    /// <summary>The loop's finished monitoring windows, oldest first.</summary>
    public LoopResponse Loop()
    {
        var settings = options.Value;
        if (tracker.GetExperimentByName(settings.LoopExperiment) is not { } experiment)
        {
            return new LoopResponse(settings.LoopExperiment, []);
        }

        var runs = tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], Status = RunStatus.Finished })
            .Where(run => run.Params.ContainsKey("window"))
            .OrderBy(run => run.Info.StartTime)
            .TakeLast(settings.MaxItems);
        return new LoopResponse(settings.LoopExperiment, [.. runs.Select(Window)]);
    }

    private static LoopWindow Window(Run run)
    {
        double? Metric(string key) => run.LatestMetrics.TryGetValue(key, out var metric) ? metric.Value : null;
        string Tag(string key) => run.Tags.GetValueOrDefault(key, "");
        return new LoopWindow(
            run.Params["window"],
            run.Info.StartTime,
            Metric("drift_score"),
            run.LatestMetrics.Where(pair => pair.Key.StartsWith(FeatureDriftPrefix, StringComparison.Ordinal))
                .ToDictionary(pair => pair.Key[FeatureDriftPrefix.Length..], pair => pair.Value.Value, StringComparer.Ordinal),
            Metric("estimated_rmse"),
            Metric("rmse.level_4"),
            Tag("action"),
            Tag("trigger"),
            Tag("suppression"),
            Tag("explanation"),
            [.. Tag("events").Split(" | ", StringSplitOptions.RemoveEmptyEntries)]);
    }
}
