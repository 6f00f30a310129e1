using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.CommandLine;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Deployment.Replay;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Training;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Deployment.Commands;

/// <summary><c>replay</c>: send a real month's trips through a running service (loopback) and write their ground truth.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var service = CommonOptions.Url("--service", "the running service, e.g. http://127.0.0.1:8080 (loopback only)", loopbackOnly: true);
        service.Required = true;
        var month = CommonOptions.Month("--month", "month whose trips are replayed", "2021-03");
        var rate = new Option<double>("--rate") { Description = "requests per second (default 200)", DefaultValueFactory = _ => 200 };
        var trips = new Option<int>("--max-trips") { Description = "at most this many trips (default 20000)", DefaultValueFactory = _ => 20_000 };
        var seconds = new Option<double>("--max-seconds") { Description = "stop after this many seconds (default 120)", DefaultValueFactory = _ => 120 };
        var clients = new Option<int>("--clients") { Description = "distinct client ids (default 500)", DefaultValueFactory = _ => 500 };
        var batch = new Option<int>("--batch") { Description = "rides per request, 1–1000 (default 1: /predict)", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int>("--concurrency") { Description = "requests in flight at most (default 16)", DefaultValueFactory = _ => 16 };
        var labels = new Option<string>("--labels") { Description = "where to write the trips' ground truth (default labels/<month>.parquet)" };
        var allowSynthetic = CommonOptions.AllowSynthetic();
        var offline = CommonOptions.Offline();
        var result = CommonOptions.Result();
        var command = new Command("replay", "Replay a month's trips through a running service at a chosen rate, and write their labels.")
        {
            service, month, rate, trips, seconds, clients, batch, concurrency, labels, allowSynthetic, offline, result,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var builder = CommandLineHost.CreateBuilder(CommonOptions.DataSettings(parsed, allowSynthetic, offline));
            builder.Services.AddModelTraining(builder.Configuration);
            builder.Services.AddHttpClient<TrafficReplayer>(http => http.Timeout = TimeSpan.FromSeconds(30));
            using var host = builder.Build();
            var replayMonth = parsed.GetValue(month);
            var options = new ReplayOptions(
                parsed.GetValue(service)!, replayMonth, parsed.GetValue(rate), parsed.GetValue(trips), TimeSpan.FromSeconds(parsed.GetValue(seconds)),
                parsed.GetValue(clients), parsed.GetValue(batch), parsed.GetValue(concurrency),
                Path.GetFullPath(parsed.GetValue(labels) ?? Path.Combine("labels", $"{replayMonth.YearMonth}.parquet")));
            try
            {
                var replayed = await host.Services.GetRequiredService<TrafficReplayer>().RunAsync(
                    options, new Progress<string>(line => Console.WriteLine($"replay: {line}")), cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Replayed {replayed.Trips:N0} trips of {replayMonth} in {replayed.Requests:N0} requests over {replayed.Elapsed.TotalSeconds:0.0} s: {replayed.Failed} failed, p50 {replayed.MedianMilliseconds:0.0} ms, p99 {replayed.P99Milliseconds:0.0} ms; versions {string.Join(", ", replayed.RidesByVersion.Select(pair => $"{pair.Key} × {pair.Value:N0}"))}. Labels: {replayed.LabelsPath}"));
                foreach (var failure in replayed.FailureSamples)
                {
                    Console.WriteLine($"  failed: {failure}");
                }

                if (parsed.GetValue(result) is { } resultPath)
                {
                    ReplayResults.ToRunResult(replayed, replayMonth.ToString()).Save(resultPath);
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
}
