using System.Globalization;
using System.Text;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Reporting.Plots;

namespace TaxiDuration.Automation.Replay;

/// <summary>The replay as a Markdown report with plots: RMSE per month per policy, drift per feature per month, the timeline.</summary>
public static class LoopReplayReport
{
    public const string FileName = "level4-replay.md";

    /// <summary>Writes the report and its PNGs into <paramref name="folder"/>; returns the report's path.</summary>
    public static string Write(LoopReplayResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        Charts.DailyLines(
            Path.Combine(folder, "rmse-by-policy.png"), "RMSE per month by retraining policy", "RMSE (minutes)",
            [.. PolicyNames.All.Select(policy => (policy, Days(result), result.Months.Select(month => month.Rmse[policy]).ToArray()))]);
        var features = result.Months[0].Drift.Features.Select(feature => feature.Feature).ToArray();
        var severity = new double[features.Length, result.Months.Count];
        for (var column = 0; column < result.Months.Count; column++)
        {
            for (var row = 0; row < features.Length; row++)
            {
                // Capped so one extreme month does not wash out the colours of the others.
                severity[row, column] = Math.Min(3, result.Months[column].Drift.Features[row].Severity);
            }
        }

        Charts.Heatmap(
            Path.Combine(folder, "drift-heatmap.png"), "Drift per feature per month (score ÷ threshold; ≥ 1 drifts)",
            features, [.. result.Months.Select(month => Short(month.Month))], severity, "score ÷ threshold (capped at 3)");
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, Markdown(result));
        return path;
    }

    private static string Markdown(LoopReplayResult result)
    {
        var text = new StringBuilder();
        var origins = string.Join(", ", result.Months.GroupBy(month => month.Origin).Select(group => $"{group.Count()} {group.Key}"));
        Line(text, $"# Level 4 replay: {result.Months[0].Month} → {result.Months[^1].Month}");
        Line(text, $"");
        Line(text, $"{result.Months.Count} months served ({origins} data), after {result.InitialChampion} trained on the first month. Every policy starts from that model.");
        Line(text, $"");
        Line(text, $"## Policies");
        Line(text, $"");
        Line(text, $"| Policy | Mean RMSE | Retrains | Fit time |");
        Line(text, $"| --- | --- | --- | --- |");
        foreach (var policy in result.Policies.Values)
        {
            Line(text, $"| {policy.Policy} | {policy.MeanRmse:0.000} | {policy.Retrains} | {policy.FitTime.TotalSeconds:0.0} s |");
        }

        Line(text, $"");
        Line(text, $"![RMSE per month by policy](rmse-by-policy.png)");
        Line(text, $"");
        Line(text, $"## Drift");
        Line(text, $"");
        Line(text, $"![Drift per feature per month](drift-heatmap.png)");
        Line(text, $"");
        Line(text, $"## Timeline");
        Line(text, $"");
        Line(text, $"| Month | Data | Trips | Served by | RMSE (estimated without labels) | RMSE ratio | Drift score | Schema | Decision | What happened |");
        Line(text, $"| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var month in result.Months)
        {
            var decision = month.Decision.Action switch
            {
                PolicyAction.Retrain => $"**retrain** ({month.Decision.Trigger})",
                PolicyAction.Suppressed => $"suppressed: {month.Decision.Suppression} ({month.Decision.Trigger})",
                _ => "quiet",
            };
            var schema = month.Drift.Quality.SchemaChanged ? "+" + string.Join(", +", month.Drift.Quality.AddedColumns) : "";
            var happened = string.Join("<br>", new[] { month.Decision.Explanation }.Concat(month.Events)).Replace("|", "\\|", StringComparison.Ordinal);
            Line(text, $"| {month.Month} | {month.Origin} | {month.Trips:N0} | {month.Champion} | {month.Drift.Performance?.Rmse:0.000} ({month.Drift.EstimatedRmse:0.000}) | {month.Drift.Performance?.RmseRatio:0.00} | {month.Drift.DriftScore:0.00} | {schema} | {decision} | {happened} |");
        }

        Line(text, $"");
        Line(text, $"## Cost");
        Line(text, $"");
        foreach (var (stage, elapsed) in result.Stages)
        {
            Line(text, $"- {stage}: {elapsed.TotalSeconds:0.0} s");
        }

        return text.ToString();
    }

    private static DateOnly[] Days(LoopReplayResult result) =>
        [.. result.Months.Select(month => DateOnly.ParseExact(month.Month[^7..] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private static string Short(string month) => month[^7..];

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
