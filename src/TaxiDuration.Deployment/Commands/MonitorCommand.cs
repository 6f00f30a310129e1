using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.CommandLine;
using TaxiDuration.Deployment.Monitor;
using TaxiDuration.TrainingPipeline.Commands;

namespace TaxiDuration.Deployment.Commands;

/// <summary><c>monitor</c>: join the prediction log with the labels that arrived and report each variant's quality per day.</summary>
public static class MonitorCommand
{
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var log = new Option<string>("--log") { Description = "the prediction log's folder (default predictions)", DefaultValueFactory = _ => "predictions" };
        var labels = new Option<string[]>("--labels") { Description = "label files (Parquet: trip_key, actual_minutes); default every file in labels/", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "report folder (default artifacts/level3/monitor)", DefaultValueFactory = _ => Path.Combine("artifacts", "level3", "monitor") };
        var command = new Command("monitor", "Report RMSE, MAE, bias, predictions and latency per variant and day from the prediction log and the labels.") { log, labels, output };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var store = StoreHost.Open(addStore);
            var labelFiles = parsed.GetValue(labels) is { Length: > 0 } given
                ? given
                : Directory.Exists("labels") ? Directory.GetFiles("labels", "*.parquet") : [];
            if (labelFiles.Length == 0)
            {
                throw new CommandFailedException(ExitCodes.Failed, "No label files: replay a month first (replay writes labels/<month>.parquet), or name them with --labels.");
            }

            var report = await new VariantMonitor(store.Tracker).RunAsync(
                Path.GetFullPath(parsed.GetValue(log)!), [.. labelFiles.Select(Path.GetFullPath)], Path.GetFullPath(parsed.GetValue(output)!), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Labelled:N0} of {report.LoggedPredictions:N0} logged predictions have ground truth."));
            foreach (var row in report.Overall)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {row.Variant,-22} {row.ModelVersion,-18} trips {row.Count,8:N0}  RMSE {row.Rmse:0.000}  MAE {row.Mae:0.000}  bias {row.Bias:+0.000;-0.000}  p99 {row.P99LatencyMilliseconds:0.00} ms"));
            }

            Console.WriteLine($"Report: {report.ReportPath} (tracked as run {report.RunId})");
            return ExitCodes.Success;
        });
        return command;
    }
}
