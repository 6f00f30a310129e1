using System.Globalization;
using System.Text;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Automation.Replay;

namespace TaxiDuration.Automation.Metrics;

/// <summary>
/// The loop's figures in Prometheus' text format, rewritten atomically after every window: a batch job's metrics
/// as node_exporter's textfile collector (or a push to a Pushgateway) expects them. The alert rules in
/// <c>deploy/prometheus/</c> fire on these, beside the service's own <c>/metrics</c>.
/// </summary>
public sealed class MonitoringMetricsFile(string path)
{
    /// <summary>Every metric name this file writes (the rules' tests check each name they use is one of these or the service's).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "taxi_monitor_last_success_timestamp_seconds", "taxi_monitor_drift_score", "taxi_monitor_feature_drift_ratio",
        "taxi_monitor_feature_psi", "taxi_monitor_unseen_category_share", "taxi_monitor_prediction_psi", "taxi_monitor_rmse_ratio",
        "taxi_monitor_rmse_ratio_lower_bound", "taxi_monitor_performance_alarm", "taxi_monitor_schema_changed", "taxi_monitor_estimated_rmse_seconds",
        "taxi_loop_decisions_total", "taxi_loop_promotions_total", "taxi_loop_rejections_total", "taxi_loop_rollbacks_total",
    ];

    private readonly Dictionary<string, int> decisions = new(StringComparer.Ordinal);
    private int promotions;
    private int rejections;
    private int rollbacks;

    /// <summary>Counts the window's decision and events, then rewrites the file with its figures.</summary>
    public void Write(MonthOutcome outcome, DateTimeOffset completedAt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var key = outcome.Decision.Action == PolicyAction.Suppressed ? $"suppressed-{outcome.Decision.Suppression}" : outcome.Decision.Action.ToString().ToLowerInvariant();
        decisions[key] = decisions.GetValueOrDefault(key) + 1;
        promotions += outcome.Events.Count(happened => happened.StartsWith("promoted", StringComparison.Ordinal));
        rejections += outcome.Events.Count(happened => happened.StartsWith("gate kept", StringComparison.Ordinal));
        rollbacks += outcome.Events.Count(happened => happened.StartsWith("rolled back", StringComparison.Ordinal));

        var text = new StringBuilder();
        var drift = outcome.Drift;
        Gauge(text, "taxi_monitor_last_success_timestamp_seconds", "Unix time the last monitoring window completed.", completedAt.ToUnixTimeMilliseconds() / 1000.0);
        Gauge(text, "taxi_monitor_drift_score", "Share of drifted feature columns divided by the dataset-drift share (1 or more is dataset drift).", drift.DriftScore);
        Family(text, "taxi_monitor_feature_drift_ratio", "gauge", "Each feature's drift test score against its threshold, oriented so that 1 or more drifts.",
            drift.Features.Select(feature => (Label("feature", feature.Feature), feature.Severity)));
        Family(text, "taxi_monitor_feature_psi", "gauge", "Population stability index of each feature against the reference.",
            drift.Features.Select(feature => (Label("feature", feature.Feature), feature.Psi)));
        Family(text, "taxi_monitor_unseen_category_share", "gauge", "Share of the window's rows in a category the reference never had.",
            drift.Features.Where(feature => feature.UnseenShare is not null).Select(feature => (Label("feature", feature.Feature), feature.UnseenShare!.Value)));
        Gauge(text, "taxi_monitor_prediction_psi", "Population stability index of the predictions against the reference.", drift.Prediction.Psi);
        if (drift.Performance is { } performance)
        {
            Gauge(text, "taxi_monitor_rmse_ratio", "Champion RMSE on the labelled window divided by its reference RMSE.", performance.RmseRatio);
            Gauge(text, "taxi_monitor_rmse_ratio_lower_bound", "Bootstrap 95 % lower bound of that ratio.", performance.RmseRatioLowerBound);
            Gauge(text, "taxi_monitor_performance_alarm", "1 when the RMSE ratio and its lower bound are both over their limits.", performance.Alarm ? 1 : 0);
        }

        if (drift.EstimatedRmse is { } estimated)
        {
            Gauge(text, "taxi_monitor_estimated_rmse_seconds", "RMSE estimated from features and predictions before labels land, in seconds (base unit).", estimated * 60);
        }

        Gauge(text, "taxi_monitor_schema_changed", "1 when the window's file has columns the reference month's did not, or lacks some.", drift.Quality.SchemaChanged ? 1 : 0);
        Family(text, "taxi_loop_decisions_total", "counter", "Windows by the policy's decision (retrain, quiet, or suppressed by a rule).",
            decisions.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (Label("decision", pair.Key), (double)pair.Value)));
        Counter(text, "taxi_loop_promotions_total", "Retrained candidates the gate promoted.", promotions);
        Counter(text, "taxi_loop_rejections_total", "Retrains whose candidates the gate all turned down.", rejections);
        Counter(text, "taxi_loop_rollbacks_total", "New champions rolled back during their watch.", rollbacks);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Written beside and moved over the old file: a scraper never reads half a file.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    private static void Gauge(StringBuilder text, string name, string help, double value) => Family(text, name, "gauge", help, [("", value)]);

    private static void Counter(StringBuilder text, string name, string help, double value) => Family(text, name, "counter", help, [("", value)]);

    private static void Family(StringBuilder text, string name, string type, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').AppendLine(help);
        text.Append("# TYPE ").Append(name).Append(' ').AppendLine(type);
        foreach (var (labels, value) in samples)
        {
            text.Append(name).Append(labels).Append(' ').AppendLine(Number(value));
        }
    }

    private static string Label(string name, string value) => $"{{{name}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}";

    private static string Number(double value) => double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
