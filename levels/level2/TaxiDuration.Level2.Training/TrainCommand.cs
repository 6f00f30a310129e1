using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using TaxiDuration.Data;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features.Preparation;
using TaxiDuration.TrainingPipeline;

namespace TaxiDuration.Level2.Training;

/// <summary><c>train</c>: runs the tracked pipeline and registers the winner (it does not promote it).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainingPipelineOptions();
        var train = new Option<string>("--train") { Description = "training month", DefaultValueFactory = _ => defaults.Train.YearMonth };
        var validation = new Option<string>("--validation") { Description = "validation month (picks the winner)", DefaultValueFactory = _ => defaults.Validation.YearMonth };
        var test = new Option<string?>("--test") { Description = "test month ('none' to skip)", DefaultValueFactory = _ => defaults.Test?.YearMonth };
        var trials = new Option<int>("--trials") { Description = "hyper-parameter search trials", DefaultValueFactory = _ => defaults.Trials };
        var seed = new Option<int>("--seed") { Description = "search seed", DefaultValueFactory = _ => defaults.Seed };
        var candidates = new Option<string>("--candidates") { Description = "comma-separated trainers", DefaultValueFactory = _ => string.Join(',', defaults.Candidates) };
        var allowSynthetic = new Option<bool>("--allow-synthetic") { Description = "stand in synthetic months for missing ones (with a warning)" };
        var offline = new Option<bool>("--offline") { Description = "never download missing months" };
        var command = new Command("train", "Run the training pipeline: ingest, validate, featurize, candidates, search, evaluate, register.")
        {
            train, validation, test, trials, seed, candidates, allowSynthetic, offline,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new TrainingPipelineOptions
            {
                Train = TaxiMonth.Parse(parse.GetValue(train)!),
                Validation = TaxiMonth.Parse(parse.GetValue(validation)!),
                Test = parse.GetValue(test) is { } month && !month.Equals("none", StringComparison.OrdinalIgnoreCase) ? TaxiMonth.Parse(month) : null,
                Trials = parse.GetValue(trials),
                Seed = parse.GetValue(seed),
                Candidates = parse.GetValue(candidates)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
            var catalogOptions = MonthCatalogOptions.FromEnvironment();
            catalogOptions.AllowSynthetic = parse.GetValue(allowSynthetic);
            catalogOptions.AllowDownload = !parse.GetValue(offline);
            return await RunAsync(options, catalogOptions, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(TrainingPipelineOptions options, MonthCatalogOptions catalogOptions, CancellationToken cancellationToken)
    {
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("TaxiDuration.Data.Catalog", LogLevel.Information)); // download progress
        using var http = new HttpClient();
        var store = StoreLocation.Open();
        var months = new MonthPreparation(MonthCatalogFactory.Create(catalogOptions, http, loggers), new TlcTripReader(), new TripDataValidator());
        var runner = new TrainingPipelineRunner(months, store.Tracker, store.Registry, TimeProvider.System);
        try
        {
            var result = await PipelineConsole.RunWithProgressAsync(
                progress => runner.RunAsync(options, GitRevision.Read(Directory.GetCurrentDirectory()), progress, cancellationToken));
            PipelineConsole.PrintResult(result);
            return 0;
        }
        catch (DataValidationFailedException failed)
        {
            AnsiConsole.MarkupLine("[red]Data validation failed; the run is marked FAILED and nothing was registered.[/]");
            Console.WriteLine(failed.Report.ToMarkdown());
            return 1;
        }
        catch (MonthNotAvailableException missing)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{missing.Message}[/]");
            return 3;
        }
    }
}
