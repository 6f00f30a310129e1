using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using TaxiDuration.Data;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features.Preparation;
using TaxiDuration.Training;
using TaxiDuration.Training.Features;
using TaxiDuration.Training.Trainers;
using TaxiDuration.Training.Training;

namespace TaxiDuration.Level1.Training;

/// <summary>What the person asked for on the command line.</summary>
internal sealed record ManualTrainingArguments(
    string Train, string Validation, string Model, string? Features, string Output, bool AllowSynthetic, bool Offline);

/// <summary>Load two months, fit one model, write it and its metrics; every step says what it did and how long it took.</summary>
internal static class ManualTraining
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(ManualTrainingArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        TrainerSpec spec;
        FeatureSet featureSet;
        TaxiMonth trainMonth, validationMonth;
        try
        {
            spec = new TrainerSpec(arguments.Model);
            spec.Validate();
            featureSet = arguments.Features is { } named
                ? Enum.Parse<FeatureSet>(named, ignoreCase: true)
                : arguments.Model == TrainerNames.Linear ? FeatureSet.Course : FeatureSet.Rich;
            trainMonth = TaxiMonth.Parse(arguments.Train);
            validationMonth = TaxiMonth.Parse(arguments.Validation);
        }
        catch (Exception invalid) when (invalid is ArgumentException or FormatException)
        {
            await output.WriteLineAsync($"error: {invalid.Message}");
            return 2;
        }

        var catalogOptions = MonthCatalogOptions.FromEnvironment();
        catalogOptions.AllowSynthetic = arguments.AllowSynthetic;
        catalogOptions.AllowDownload = !arguments.Offline;
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("TaxiDuration.Data.Catalog", LogLevel.Information)); // download progress
        using var http = new HttpClient();
        var preparation = new MonthPreparation(MonthCatalogFactory.Create(catalogOptions, http, loggers), new TlcTripReader(), new TripDataValidator());
        try
        {
            var train = await Step(output, 1, $"load and validate training month {trainMonth}", () => preparation.PrepareAsync("train", trainMonth, cancellationToken));
            var validation = await Step(output, 2, $"load and validate validation month {validationMonth}", () => preparation.PrepareAsync("validation", validationMonth, cancellationToken));
            foreach (var month in new[] { train, validation })
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"      {month.Role}: {month.File.Origin} data {month.File.Path}: {month.Features.RawRows:N0} rows, {month.Features.KeptRows:N0} kept (1–60 min)"));
                if (month.File.Warning is { } warning)
                {
                    await output.WriteLineAsync($"      WARNING: {warning}");
                }
            }

            var ml = new MLContext(TrainerFactory.Seed);
            var result = await Step(output, 3, $"fit {spec} on {featureSet} features", () => Task.FromResult(
                new ModelTrainer(ml, TimeProvider.System).Train(new TrainingRequest(train.Examples, validation.Examples, featureSet, spec, [trainMonth.ToString()]))));
            await Step(output, 4, $"write {arguments.Output}", async () =>
            {
                ModelFile.Save(ml, result.Model, result.InputSchema, result.Metadata, arguments.Output);
                await File.WriteAllTextAsync(MetricsPath(arguments.Output), JsonSerializer.Serialize(new
                {
                    result.Metadata.Version,
                    result.Metadata.Trainer,
                    result.Metadata.FeatureSet,
                    TrainMonth = trainMonth.ToString(),
                    ValidationMonth = validationMonth.ToString(),
                    DataOrigin = train.File.Origin.ToString(),
                    Rows = new { Train = train.Features.KeptRows, Validation = validation.Features.KeptRows },
                    Validation = result.Validation,
                    result.FitSeconds,
                }, Json), cancellationToken);
                return true;
            });

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"validation RMSE {result.Validation.Rmse:0.0000}, MAE {result.Validation.Mae:0.0000}, R² {result.Validation.RSquared:0.0000}; fit {result.FitSeconds:0.000} s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"RESULT model={spec.Name} rmse={result.Validation.Rmse:0.0000} fit_s={result.FitSeconds:0.000} rows={train.Features.KeptRows}/{validation.Features.KeptRows} data={train.File.Origin} version={result.Metadata.Version}"));
            return 0;
        }
        catch (MonthNotAvailableException missing)
        {
            await output.WriteLineAsync($"error: {missing.Message}");
            return 3;
        }
        catch (DataValidationFailedException failed)
        {
            await output.WriteLineAsync(failed.Report.ToMarkdown());
            await output.WriteLineAsync($"error: {failed.Message}");
            return 1;
        }
    }

    /// <summary>The metrics file next to the model: <c>models/model.zip</c> → <c>models/model.metrics.json</c>.</summary>
    public static string MetricsPath(string modelPath) => Path.ChangeExtension(modelPath, ".metrics.json");

    private static async Task<T> Step<T>(TextWriter output, int number, string what, Func<Task<T>> work)
    {
        await output.WriteLineAsync($"[{number}/4] {what} …");
        var clock = Stopwatch.StartNew();
        var result = await work();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"      done in {clock.Elapsed.TotalSeconds:0.00} s"));
        return result;
    }
}
