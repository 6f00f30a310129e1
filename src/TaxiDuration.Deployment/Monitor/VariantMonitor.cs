using System.Globalization;
using System.Text;
using TaxiDuration.Monitoring.Performance;
using TaxiDuration.PredictionLog;
using TaxiDuration.Reporting;
using TaxiDuration.Reporting.Plots;
using TaxiDuration.Tracking;

namespace TaxiDuration.Deployment.Monitor;

/// <summary>What a monitoring pass found: the per-variant rows, how much of the log had labels, and the report.</summary>
/// <param name="Labelled">Logged answers whose trip has ground truth (shadow predictions not counted).</param>
public sealed record VariantReport(
    IReadOnlyList<VariantDay> ByDay, IReadOnlyList<VariantDay> Overall, int LoggedPredictions, int Labelled, string ReportPath, string RunId);

/// <summary>
/// Level 3's per-variant monitoring: joins the prediction log with the ground truth that arrived (on
/// <c>trip_key</c>), and reports, per variant (shadows included) and per day, how many trips, RMSE, MAE, bias,
/// what was predicted and how fast — as Markdown with plots, and as metrics of a tracked monitoring run.
/// </summary>
public sealed class VariantMonitor(IExperimentTracker tracker)
{
    public const string Experiment = "taxi-duration-monitoring";
    public const string RmsePlot = "rmse-by-variant-and-day.png";

    /// <summary>Days with fewer labelled trips than this (per variant) are left off the plot.</summary>
    public const int MinimumTripsPerPlottedDay = 100;

    public async Task<VariantReport> RunAsync(string logFolder, IReadOnlyList<string> labelFiles, string outputFolder, CancellationToken cancellationToken)
    {
        var records = await PredictionLogFiles.ReadAllAsync(logFolder, cancellationToken);
        var labels = await LabelFiles.ReadAsync(labelFiles, cancellationToken);
        var labelled = LabelledPredictions.Join(records, labels).ToList();
        var answersLabelled = records.Count(record => record.TripKey is { } key && labels.ContainsKey(key));
        var byDay = VariantPerformance.ByVariantAndDay(labelled);
        var overall = VariantPerformance.ByVariant(labelled);

        Directory.CreateDirectory(outputFolder);
        var experiment = tracker.GetOrCreateExperiment(Experiment);
        var run = tracker.CreateRun(new NewRun(experiment.ExperimentId, $"variants {DateTime.UtcNow:yyyy-MM-dd HH:mm}"));
        var plot = Path.Combine(outputFolder, RmsePlot);
        // A day with a handful of labelled trips (a trip dated just outside the month) is noise on a plot; the
        // tables keep every day.
        var plotted = byDay.Where(row => row.Count >= MinimumTripsPerPlottedDay).ToList();
        if (plotted.Count > 0)
        {
            Charts.DailyLines(plot, "RMSE per variant and day (labelled predictions)", "RMSE (minutes)",
                [.. plotted.GroupBy(row => $"{row.Variant} {row.ModelVersion}").Select(group => (group.Key,
                    group.Select(row => row.Day).ToArray(), group.Select(row => row.Rmse).ToArray()))]);
        }

        var report = Path.Combine(outputFolder, "variants.md");
        await File.WriteAllTextAsync(report, Markdown(records.Count, answersLabelled, overall, byDay, plotted.Count > 0), cancellationToken);
        tracker.LogBatch(run.RunId, new RunBatch
        {
            Metrics = [.. overall.SelectMany(row => new[]
            {
                new Metric($"{Key(row)}.rmse", row.Rmse, 0, DateTimeOffset.UtcNow),
                new Metric($"{Key(row)}.mae", row.Mae, 0, DateTimeOffset.UtcNow),
                new Metric($"{Key(row)}.bias", row.Bias, 0, DateTimeOffset.UtcNow),
                new Metric($"{Key(row)}.count", row.Count, 0, DateTimeOffset.UtcNow),
            })],
            Params = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["log"] = logFolder,
                ["labels"] = string.Join(",", labelFiles),
            },
        });
        tracker.LogArtifact(run.RunId, report, "report/variants.md");
        if (plotted.Count > 0)
        {
            tracker.LogArtifact(run.RunId, plot, "report/" + RmsePlot);
        }

        tracker.UpdateRun(run.RunId, RunStatus.Finished);
        return new VariantReport(byDay, overall, records.Count, answersLabelled, report, run.RunId);
    }

    private static string Key(VariantDay row) => row.Variant.Replace(" (shadow)", ".shadow", StringComparison.Ordinal).Replace(' ', '_');

    private static string Markdown(int logged, int labelled, IReadOnlyList<VariantDay> overall, IReadOnlyList<VariantDay> byDay, bool plotted)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# Variants on labelled traffic").AppendLine();
        text.AppendLine(culture, $"{logged:N0} predictions in the log, {labelled:N0} with ground truth (shadow predictions count as their own variant).").AppendLine();
        text.AppendLine(Table(overall, withDay: false)).AppendLine("## Per day").AppendLine().AppendLine(Table(byDay, withDay: true));
        if (plotted)
        {
            text.AppendLine($"![RMSE per variant and day]({RmsePlot})");
        }

        return text.ToString();
    }

    private static string Table(IReadOnlyList<VariantDay> rows, bool withDay)
    {
        var table = withDay
            ? new MarkdownTable("variant", "version", "day", "trips", "RMSE", "MAE", "bias", "mean pred.", "p50 pred.", "p90 pred.", "p50 ms", "p99 ms")
            : new MarkdownTable("variant", "version", "trips", "RMSE", "MAE", "bias", "mean pred.", "p50 pred.", "p90 pred.", "p50 ms", "p99 ms");
        foreach (var row in rows)
        {
            object[] figures = [row.Count, row.Rmse, row.Mae, row.Bias, row.MeanPrediction, row.MedianPrediction, row.P90Prediction, row.MedianLatencyMilliseconds, row.P99LatencyMilliseconds];
            table.AddRow(withDay ? [row.Variant, row.ModelVersion, row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. figures] : [row.Variant, row.ModelVersion, .. figures]);
        }

        return table.ToString();
    }
}
