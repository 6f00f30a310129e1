using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TaxiDuration.CommandLine;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary><c>train</c>: runs the tracked pipeline and registers the winner (it does not promote it).</summary>
public static class TrainCommand
{
    /// <param name="addStore">Adds the tracking store the run is recorded in (the level decides which).</param>
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var defaults = new TrainingPipelineOptions();
        var train = CommonOptions.Month("--train", "training month", defaults.Train.YearMonth);
        var validation = CommonOptions.Month("--validation", "validation month (picks the winner)", defaults.Validation.YearMonth);
        var test = CommonOptions.OptionalMonth("--test", "test month, never used for choosing", defaults.Test?.YearMonth);
        var trials = new Option<int>("--trials") { Description = $"hyper-parameter search trials (default {defaults.Trials})", DefaultValueFactory = _ => defaults.Trials };
        var parallelFits = new Option<int>("--parallel-fits")
        {
            Description = $"trials fitted at once (default {defaults.ParallelFits}, one per core); the winner is the same for any value",
            DefaultValueFactory = _ => defaults.ParallelFits,
        };
        var seed = new Option<int>("--seed") { Description = $"search seed (default {defaults.Seed})", DefaultValueFactory = _ => defaults.Seed };
        var candidates = new Option<string>("--candidates")
        {
            Description = $"comma-separated trainers from {string.Join(", ", TrainerNames.All)} (default all)",
            DefaultValueFactory = _ => string.Join(',', defaults.Candidates),
        };
        var alias = new Option<string?>("--alias") { Description = "point this alias at the registered version (e.g. challenger, for the gate to judge)" };
        var allowSynthetic = CommonOptions.AllowSynthetic();
        var offline = CommonOptions.Offline();
        var result = CommonOptions.Result();
        var command = new Command("train", "Run the training pipeline: ingest, validate, featurize, candidates, search, evaluate, register.")
        {
            train, validation, test, trials, parallelFits, seed, candidates, alias, allowSynthetic, offline, result,
        };
        command.Validators.Add(parsed =>
        {
            // Each option's own parse errors are reported already; the cross-option rules need every value.
            if (!parsed.TryValueOf(train, out _) || !parsed.TryValueOf(validation, out _) || !parsed.TryValueOf(test, out _)
                || !parsed.TryValueOf(trials, out _) || !parsed.TryValueOf(parallelFits, out _) || !parsed.TryValueOf(seed, out _))
            {
                return;
            }

            foreach (var problem in OptionsFrom(parsed).Problems())
            {
                parsed.AddError(problem);
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var builder = CommandLineHost.CreateBuilder(CommonOptions.DataSettings(parsed, allowSynthetic, offline));
            addStore(builder);
            builder.Services.AddTrainingPipeline(builder.Configuration);
            using var host = builder.Build();
            return await RunAsync(host.Services, OptionsFrom(parsed.CommandResult), parsed.GetValue(result), cancellationToken);
        });
        return command;

        TrainingPipelineOptions OptionsFrom(System.CommandLine.Parsing.SymbolResult parsed) => new()
        {
            Train = parsed.ValueOf(train),
            Validation = parsed.ValueOf(validation),
            Test = CommonOptions.MonthOrNone(parsed.ValueOf(test)),
            Trials = parsed.ValueOf(trials),
            ParallelFits = parsed.ValueOf(parallelFits),
            Seed = parsed.ValueOf(seed),
            Candidates = parsed.ValueOf(candidates).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Alias = parsed.GetValue(alias),
        };
    }

    private static async Task<int> RunAsync(IServiceProvider services, TrainingPipelineOptions options, string? resultPath, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<TrainingPipelineRunner>();
        StoreLocation.Describe(services);
        try
        {
            var result = await PipelineConsole.RunWithProgressAsync(progress => runner.RunAsync(options, BuildInfo.Commit, progress, cancellationToken));
            PipelineConsole.PrintResult(result);
            if (resultPath is not null)
            {
                PipelineResults.ToRunResult(result, options).Save(resultPath);
            }

            return ExitCodes.Success;
        }
        catch (DataValidationFailedException failed)
        {
            AnsiConsole.MarkupLine("[red]Data validation failed; the run is marked FAILED and nothing was registered.[/]");
            Console.WriteLine(failed.Report.ToMarkdown());
            throw new CommandFailedException(ExitCodes.Failed, failed.Message, failed);
        }
        catch (MonthNotAvailableException missing)
        {
            throw new CommandFailedException(ExitCodes.DataUnavailable, missing.Message, missing);
        }
    }
}
