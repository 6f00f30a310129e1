using System.Globalization;
using TaxiDuration.Reporting;

namespace TaxiDuration.Tracking.Browsing;

/// <summary>
/// The listings the Cake <c>Runs</c>/<c>Models</c> targets and the CLI print. Built only on the public interfaces,
/// so they work the same for any backend.
/// </summary>
public static class TrackingTables
{
    public static Table Experiments(IExperimentTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var rows = tracker.ListExperiments()
            .Select(experiment => (IReadOnlyList<string>)[experiment.ExperimentId, experiment.Name, Format(experiment.CreatedAt)])
            .ToArray();
        return new Table(["id", "experiment", "created"], rows);
    }

    /// <summary>Runs of one experiment, newest first, with one column per metric holding its latest value.</summary>
    public static Table Runs(IExperimentTracker tracker, string experimentName, int maxRuns = 50)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var experiment = tracker.GetExperimentByName(experimentName)
            ?? throw new KeyNotFoundException($"Experiment '{experimentName}' does not exist; known: {string.Join(", ", tracker.ListExperiments().Select(e => e.Name).DefaultIfEmpty("(none)"))}.");
        var runs = tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], MaxResults = maxRuns });
        var metricKeys = runs.SelectMany(run => run.LatestMetrics.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var rows = runs.Select(run => (IReadOnlyList<string>)
            [
                run.Info.RunId,
                run.Info.Name,
                run.Info.ParentRunId ?? "",
                run.Info.Status.ToMlflowName(),
                Format(run.Info.StartTime),
                run.Info.EndTime is { } end ? FormatDuration(end - run.Info.StartTime) : "",
                .. metricKeys.Select(key => run.LatestMetrics.TryGetValue(key, out var metric) ? Format(metric.Value) : ""),
            ])
            .ToArray();
        return new Table(["run", "name", "parent", "status", "started", "duration", .. metricKeys], rows);
    }

    /// <summary>Runs side by side: one row per param and per metric (the union over all runs), one column per run.</summary>
    public static Table CompareRuns(IExperimentTracker tracker, IReadOnlyList<string> runIds)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(runIds);
        var runs = runIds.Select(tracker.GetRun).ToArray();
        var rows = new List<IReadOnlyList<string>>
        {
            (IReadOnlyList<string>)["name", .. runs.Select(run => run.Info.Name)],
            (IReadOnlyList<string>)["status", .. runs.Select(run => run.Info.Status.ToMlflowName())],
        };
        foreach (var key in runs.SelectMany(run => run.Params.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(["param: " + key, .. runs.Select(run => run.Params.GetValueOrDefault(key, ""))]);
        }

        foreach (var key in runs.SelectMany(run => run.LatestMetrics.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            rows.Add(["metric: " + key, .. runs.Select(run => run.LatestMetrics.TryGetValue(key, out var metric) ? Format(metric.Value) : "")]);
        }

        return new Table(["", .. runs.Select(run => run.Info.RunId)], rows);
    }

    /// <summary>A model's versions, oldest first, with their aliases, run, artifact hash prefix and metrics.</summary>
    public static Table ModelVersions(IModelRegistry registry, string modelName)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var versions = registry.SearchModelVersions(modelName);
        var metricKeys = versions.SelectMany(version => version.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var rows = versions.Select(version => (IReadOnlyList<string>)
            [
                version.Version.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", version.Aliases),
                Format(version.CreatedAt),
                version.RunId,
                version.FeatureSet,
                string.Join(" ", version.DataMonths),
                version.ArtifactSha256[..12],
                .. metricKeys.Select(key => version.Metrics.TryGetValue(key, out var value) ? Format(value) : ""),
            ])
            .ToArray();
        return new Table(["version", "aliases", "created", "run", "features", "months", "sha256", .. metricKeys], rows);
    }

    /// <summary>Every alias move for a model, in order.</summary>
    public static Table AliasHistory(IModelRegistry registry, string modelName)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var rows = registry.GetAliasHistory(modelName)
            .Select(change => (IReadOnlyList<string>)
            [
                Format(change.ChangedAt),
                change.Alias,
                change.FromVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
                change.ToVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
                change.Actor,
                change.Reason,
            ])
            .ToArray();
        return new Table(["when", "alias", "from", "to", "actor", "reason"], rows);
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string FormatDuration(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
