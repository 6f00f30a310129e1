using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaxiDuration.Tracking.Hosting.Tests;

/// <summary>
/// Everything a store answers through <see cref="IExperimentTracker"/> and <see cref="IModelRegistry"/>, as one JSON
/// text: two stores hold the same history exactly when their snapshots are equal. Keyed collections are sorted
/// ordinally (the backends' text collations may order keys differently); sequences the stores order (runs, metric
/// histories, alias history, decisions) keep their order, which is part of what is compared.
/// </summary>
internal static class StoreSnapshot
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of(IExperimentTracker tracker, IModelRegistry registry)
    {
        var experiments = tracker.ListExperiments().OrderBy(experiment => experiment.ExperimentId, StringComparer.Ordinal).ToArray();
        var runs = tracker.SearchRuns(new RunQuery { ExperimentIds = [.. experiments.Select(experiment => experiment.ExperimentId)], MaxResults = 10_000 });
        var models = registry.ListRegisteredModels().OrderBy(model => model.Name, StringComparer.Ordinal).ToArray();
        return JsonSerializer.Serialize(
            new
            {
                experiments,
                runs = runs.Select(run => new
                {
                    run.Info,
                    Params = Sorted(run.Params),
                    Tags = Sorted(run.Tags),
                    LatestMetrics = Sorted(run.LatestMetrics),
                    MetricHistories = run.LatestMetrics.Keys.Order(StringComparer.Ordinal).Select(key => tracker.GetMetricHistory(run.Info.RunId, key)),
                    run.DataFingerprints,
                    Artifacts = tracker.ListArtifacts(run.Info.RunId),
                }),
                models = models.Select(model => new
                {
                    model.Name,
                    model.CreatedAt,
                    Aliases = Sorted(model.Aliases),
                    Versions = registry.SearchModelVersions(model.Name).Select(version => version with
                    {
                        Metrics = Sorted(version.Metrics),
                        Tags = Sorted(version.Tags),
                    }),
                    AliasHistory = registry.GetAliasHistory(model.Name),
                    Decisions = registry.GetDecisions(model.Name),
                }),
            },
            Json);
    }

    private static SortedDictionary<string, T> Sorted<T>(IReadOnlyDictionary<string, T> values) => new(values.ToDictionary(), StringComparer.Ordinal);
}
