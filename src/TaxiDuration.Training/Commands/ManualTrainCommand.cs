using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;
using TaxiDuration.CommandLine;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Model;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Training.Trainers;
using TaxiDuration.Trips;

namespace TaxiDuration.Training.Commands;

/// <summary>
/// Level 1's training, run by hand: load two months, fit one model, write it and its metrics; every step says
/// what it did and how long it took. A person reads the numbers and decides whether to ship the file.
/// </summary>
public static class ManualTrainCommand
{
    private static readonly string[] FeatureSets = [.. Enum.GetNames<FeatureSet>().Select(name => name.ToLowerInvariant())];

    /// <summary>The root command of a manual-training tool.</summary>
    public static RootCommand Create(string description)
    {
        var train = CommonOptions.Month("--train", "training month", "2021-01");
        var validation = CommonOptions.Month("--validation", "validation month, never used for fitting", "2021-02");
        var model = CommonOptions.Choice("--model", "trainer", TrainerNames.Linear, TrainerNames.All);
        var features = new Option<string?>("--features") { Description = $"feature set: {string.Join(" | ", FeatureSets)} (default: course for linear, rich for trees)" };
        features.AcceptOnlyFromAmong(FeatureSets);
        var output = new Option<string>("--out") { Description = "model file to write", DefaultValueFactory = _ => Path.Combine("models", "model.zip") };
        var allowSynthetic = CommonOptions.AllowSynthetic();
        var offline = CommonOptions.Offline();
        var result = CommonOptions.Result();
        var root = new RootCommand(description) { train, validation, model, features, output, allowSynthetic, offline, result };
        root.Validators.Add(command =>
        {
            // Scoring on the month it was fitted on would report an in-sample error as if it were a validation.
            if (command.TryValueOf(train, out var trainMonth) && command.TryValueOf(validation, out var validationMonth) && trainMonth == validationMonth)
            {
                command.AddError($"--train and --validation are both {trainMonth}: the validation month must be another month.");
            }
        });
        root.SetAction((parsed, cancellationToken) =>
        {
            var request = new Request(
                parsed.GetValue(train), parsed.GetValue(validation), new TrainerSpec(parsed.GetValue(model)!),
                parsed.GetValue(features) is { } named ? Enum.Parse<FeatureSet>(named, ignoreCase: true) : null,
                parsed.GetValue(output)!, parsed.GetValue(result));
            return RunAsync(request, CommonOptions.DataSettings(parsed, allowSynthetic, offline), Console.Out, cancellationToken);
        });
        return root;
    }

    /// <summary>The metrics file next to the model: <c>models/model.zip</c> → <c>models/model.metrics.json</c>.</summary>
    public static string MetricsPath(string modelPath) => Path.ChangeExtension(modelPath, ".metrics.json");

    private static async Task<int> RunAsync(
        Request request, IEnumerable<KeyValuePair<string, string?>> settings, TextWriter output, CancellationToken cancellationToken)
    {
        var builder = CommandLineHost.CreateBuilder(settings);
        builder.Services.AddModelTraining(builder.Configuration);
        using var host = builder.Build();
        var preparation = host.Services.GetRequiredService<MonthPreparation>();
        var featureSet = request.FeatureSet ?? (request.Trainer.Name == TrainerNames.Linear ? FeatureSet.Course : FeatureSet.Rich);
        var clock = Stopwatch.StartNew();
        try
        {
            var months = new PreparedMonths(
                await Step(output, 1, $"load and validate training month {request.Train}", () => preparation.PrepareAsync("train", request.Train, cancellationToken)),
                await Step(output, 2, $"load and validate validation month {request.Validation}", () => preparation.PrepareAsync("validation", request.Validation, cancellationToken)),
                Test: null);
            await DescribeAsync(output, months);

            var ml = new MLContext(TrainerFactory.Seed);
            var trained = await Step(output, 3, $"fit {request.Trainer} on {featureSet} features", () => Task.FromResult(
                new ModelTrainer(ml, TimeProvider.System).Train(new TrainingRequest(
                    months.Train.Examples, months.Validation.Examples, featureSet, request.Trainer, [request.Train.ToString()]))));
            await Step(output, 4, $"write {request.Output}", async () =>
            {
                ModelFile.Save(ml, trained.Model, trained.InputSchema, trained.Metadata, request.Output);
                // The checksum ships with the file: a service refuses a model that changed after training.
                ModelChecksum.Write(request.Output);
                await File.WriteAllTextAsync(MetricsPath(request.Output), ManualTrainingMetrics.ToJson(trained, months), cancellationToken);
                return true;
            });

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"validation RMSE {trained.Validation.Rmse:0.0000}, MAE {trained.Validation.Mae:0.0000}, R² {trained.Validation.RSquared:0.0000}; fit {trained.FitSeconds:0.000} s"));
            if (request.ResultPath is { } resultPath)
            {
                ManualTrainingMetrics.ToResult(trained, months, Path.GetFullPath(request.Output), clock.Elapsed).Save(resultPath);
            }

            return ExitCodes.Success;
        }
        catch (MonthNotAvailableException missing)
        {
            throw new CommandFailedException(ExitCodes.DataUnavailable, missing.Message, missing);
        }
        catch (DataValidationFailedException failed)
        {
            await output.WriteLineAsync(failed.Report.ToMarkdown());
            throw new CommandFailedException(ExitCodes.Failed, failed.Message, failed);
        }
    }

    private static async Task DescribeAsync(TextWriter output, PreparedMonths months)
    {
        foreach (var month in months.All)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"      {month.Role}: {month.File.Origin} data {month.File.Path}: {month.Features.RawRows:N0} rows, {month.Features.KeptRows:N0} kept (1–60 min)"));
            if (month.File.Warning is { } warning)
            {
                await output.WriteLineAsync($"      WARNING: {warning}");
            }
        }
    }

    private static async Task<T> Step<T>(TextWriter output, int number, string what, Func<Task<T>> work)
    {
        await output.WriteLineAsync($"[{number}/4] {what} …");
        var clock = Stopwatch.StartNew();
        var result = await work();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"      done in {clock.Elapsed.TotalSeconds:0.00} s"));
        return result;
    }

    private sealed record Request(TaxiMonth Train, TaxiMonth Validation, TrainerSpec Trainer, FeatureSet? FeatureSet, string Output, string? ResultPath);
}
