using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TaxiDuration.Automation.Cycle;
using TaxiDuration.Automation.Replay;
using TaxiDuration.CommandLine;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Preparation;
using TaxiDuration.TrainingPipeline;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Commands;

/// <summary><c>replay-loop</c>: walk months in order and let the level-4 loop act on each, beside three other policies.</summary>
public static class LoopReplayCommand
{
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var months = new Option<string[]>("--months")
        {
            Description = "months in arrival order, e.g. 2020-03 2020-04 2021-01 (default: every real green month in the data folder)",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "report folder (default artifacts/level4)", DefaultValueFactory = _ => Path.Combine("artifacts", "level4") };
        var webhook = CommonOptions.Url("--webhook", "POST every window that was not quiet to this URL as JSON");
        var service = CommonOptions.Url(
            "--service",
            "a running level-3 service on loopback that follows this store: the level-4 champion's traffic goes through its /predict/batch, and every promotion is waited for until it serves",
            loopbackOnly: true);
        var allowSynthetic = CommonOptions.AllowSynthetic();
        var offline = CommonOptions.Offline();
        var result = CommonOptions.Result();
        var command = new Command("replay-loop", "Replay months through the level-4 loop (monitor → trigger → retrain → gate → promote → watch) and compare it with frozen, scheduled and oracle retraining.")
        {
            months, output, webhook, service, allowSynthetic, offline, result,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var builder = CommandLineHost.CreateBuilder(CommonOptions.DataSettings(parsed, allowSynthetic, offline));
            addStore(builder);
            builder.Services.AddRetrainingLoop(builder.Configuration);
            using var host = builder.Build();
            var chosen = parsed.GetValue(months) is { Length: > 0 } given
                ? [.. given.Select(Parse)]
                : DefaultMonths(host.Services.GetRequiredService<IOptions<MonthCatalogOptions>>().Value.DataDirectory, parsed.GetValue(allowSynthetic));
            try
            {
                var folder = Path.GetFullPath(parsed.GetValue(output)!);
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                ServiceDeployment? served = null;
                Func<ModelFitter, IChampionDeployment>? deploy = parsed.GetValue(service) is { } address
                    ? fitter => served = new ServiceDeployment(
                        address, http, host.Services.GetRequiredService<IModelRegistry>(), host.Services.GetRequiredService<LoopRegistration>(),
                        fitter, TrainingPipelineOptions.DefaultModelName, Path.Combine(folder, "labels"))
                    : null;
                var replayed = await host.Services.GetRequiredService<LoopReplayer>().RunAsync(
                    new LoopReplayOptions { Months = chosen, MetricsFile = Path.Combine(folder, "metrics", "taxi_monitor.prom"), Webhook = parsed.GetValue(webhook) },
                    new Progress<string>(line => Console.WriteLine($"level 4: {line}")), cancellationToken, deploy);
                var report = LoopReplayReport.Write(replayed, folder);
                foreach (var policy in replayed.Policies.Values)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {policy.Policy,-10} mean RMSE {policy.MeanRmse:0.000}  retrains {policy.Retrains,3}  fit {policy.FitTime.TotalSeconds,6:0.0} s"));
                }

                Console.WriteLine($"Report: {report}");
                if (parsed.GetValue(result) is { } resultPath)
                {
                    LoopReplayResults.ToRunResult(replayed, report, served?.PromotionToServedSeconds).Save(resultPath);
                }

                return ExitCodes.Success;
            }
            catch (MonthNotAvailableException missing)
            {
                throw new CommandFailedException(ExitCodes.DataUnavailable, missing.Message, missing);
            }
            catch (DataValidationFailedException failed)
            {
                throw new CommandFailedException(ExitCodes.Failed, failed.Message, failed);
            }
        });
        return command;
    }

    private static TaxiMonth Parse(string text) =>
        TaxiMonth.TryParse(text, out var month)
            ? month
            : throw new CommandFailedException(ExitCodes.Usage, $"--months '{text}' is not a month: use YYYY-MM (e.g. 2020-04).");

    // Every green month whose file is in the data folder, oldest first: the replay's default walk. With none there and
    // --allow-synthetic (the ladder offline), the ladder's months instead: the catalog stands in generated ones, and
    // every figure of the report says so.
    private static TaxiMonth[] DefaultMonths(string dataDirectory, bool allowSynthetic)
    {
        var found = DataFolderMonths.List(dataDirectory);
        if (found.Count >= 2)
        {
            return [.. found];
        }

        return allowSynthetic
            ? [.. new[] { "2021-01", "2021-02", "2021-03", "2021-04", "2021-05" }.Select(month => TaxiMonth.Parse("green " + month))]
            : throw new CommandFailedException(ExitCodes.DataUnavailable,
                $"Found {found.Count} real green month(s) in '{Path.GetFullPath(dataDirectory)}'; the replay needs two or more. Set TAXI_DATA_DIR, or name months with --months (add --allow-synthetic to generate them).");
    }
}
