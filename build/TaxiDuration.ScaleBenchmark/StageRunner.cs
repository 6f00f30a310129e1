using System.Diagnostics;
using Microsoft.ML;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Training.Trainers;
using TaxiDuration.Trips;

namespace TaxiDuration.ScaleBenchmark;

/// <summary>Runs one stage on given files in this process (the orchestrator starts one process per measurement).</summary>
internal static class StageRunner
{
    private const int ScoringModelRows = 100_000;

    /// <summary>Runs <paramref name="stage"/> once untimed on <paramref name="warmUpFile"/> (a small month), then timed on <paramref name="files"/>.</summary>
    /// <remarks>The warm-up pays the JIT and ML.NET's first-use costs, which would otherwise flatten the curve at small sizes.</remarks>
    public static async Task<Measurement> RunAsync(string stage, string warmUpFile, IReadOnlyList<string> files)
    {
        await RunAsync(stage, [warmUpFile]);
        return await RunAsync(stage, files);
    }

    private static async Task<Measurement> RunAsync(string stage, IReadOnlyList<string> files)
    {
        var reader = new TlcTripReader();
        var validator = new TripDataValidator();
        switch (stage)
        {
            case Stage.Prepare:
            {
                var watch = Stopwatch.StartNew();
                var month = await PrepareAsync(reader, validator, files[0]);
                return Measured(stage, month.RawRows, watch, $"{month.KeptRows:N0} examples kept");
            }

            case Stage.PrepareWhole:
            {
                var watch = Stopwatch.StartNew();
                var records = await reader.ReadAllAsync(files[0]);
                Passed(validator.Validate(records, MonthOf(files[0])));
                var month = TripFeaturizer.Featurize(records);
                return Measured(stage, month.RawRows, watch, $"{month.KeptRows:N0} examples kept");
            }

            case Stage.Year:
            {
                var watch = Stopwatch.StartNew();
                long raw = 0, kept = 0;
                foreach (var file in files)
                {
                    var (monthRaw, monthKept) = await CountAsync(reader, validator, file);
                    (raw, kept) = (raw + monthRaw, kept + monthKept);
                }

                return Measured(stage, raw, watch, $"{files.Count} months, {kept:N0} examples kept, one month held at a time");
            }

            default:
                return await FitOrScoreAsync(stage, (await PrepareAsync(reader, validator, files[0])).Examples);
        }
    }

    private static async Task<Measurement> FitOrScoreAsync(string stage, TripExamples examples)
    {
        var ml = new MLContext(seed: 0);
        switch (stage)
        {
            case Stage.LinearFit:
            {
                var watch = Stopwatch.StartNew();
                TrainerFactory.CreatePipeline(ml, FeatureSet.Course, TrainerSpec.Linear()).Fit(ml.Data.LoadFromEnumerable(examples));
                return Measured(stage, examples.Count, watch, "fit only; rows = examples");
            }

            case Stage.LightGbmFit:
            {
                var watch = Stopwatch.StartNew();
                TrainerFactory.CreatePipeline(ml, FeatureSet.Rich, TrainerSpec.LightGbm()).Fit(ml.Data.LoadFromEnumerable(examples));
                return Measured(stage, examples.Count, watch, "fit only, one thread; rows = examples");
            }

            case Stage.Scoring:
            {
                var model = TrainerFactory.CreatePipeline(ml, FeatureSet.Rich, TrainerSpec.LightGbm())
                    .Fit(ml.Data.LoadFromEnumerable(examples.Take(ScoringModelRows)));
                // Compiles the trees and the scoring loops once, as any long-running scorer would have.
                BatchScorer.Predict(ml, model, examples.Take(10_000).ToArray());
                var watch = Stopwatch.StartNew();
                BatchScorer.Predict(ml, model, examples);
                return Measured(stage, examples.Count, watch, $"model fitted on the first {ScoringModelRows:N0} rows; rows = examples");
            }

            default:
                await Console.Error.WriteLineAsync($"Unknown stage '{stage}'.");
                throw new ArgumentException($"Unknown stage '{stage}'.", nameof(stage));
        }
    }

    // A method of its own so the month is not a field of the caller's async state machine, which would keep the
    // previous month alive while the next one is prepared (measured: a year peaked at twice a month's memory).
    private static async Task<(int Raw, int Kept)> CountAsync(TlcTripReader reader, TripDataValidator validator, string file)
    {
        var month = await PrepareAsync(reader, validator, file);
        return (month.RawRows, month.KeptRows);
    }

    private static async Task<FeaturizedMonth> PrepareAsync(TlcTripReader reader, TripDataValidator validator, string file) =>
        (await MonthPreparation.ValidateAndFeaturizeAsync(reader, validator, file, MonthOf(file), Path.GetFileName(file), CancellationToken.None)).Features;

    private static void Passed(DataValidationReport report)
    {
        if (!report.Passed)
        {
            throw new InvalidOperationException($"The synthetic month failed validation:\n{report.ToMarkdown()}");
        }
    }

    private static TaxiMonth MonthOf(string file) =>
        TaxiMonth.TryParseFileName(Path.GetFileName(file), out var month) ? month : throw new ArgumentException($"'{file}' is not named like a TLC month.", nameof(file));

    private static Measurement Measured(string stage, long rows, Stopwatch watch, string note) =>
        new(stage, rows, watch.Elapsed.TotalSeconds, PeakMemory.Bytes(), note);
}
