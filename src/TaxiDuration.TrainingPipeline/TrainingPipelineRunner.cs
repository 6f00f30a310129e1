using System.Globalization;
using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Features.Preparation;
using TaxiDuration.Tracking;
using TaxiDuration.Training;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Training;
using TaxiDuration.TrainingPipeline.Search;

namespace TaxiDuration.TrainingPipeline;

/// <summary>
/// Level 2's automated training: ingest → validate → featurize → candidates → seeded search → evaluate →
/// register, every step tracked. The run is FINISHED only once its version is registered; any failure marks it
/// FAILED (cancellation: KILLED) and registers nothing, and a killed process is marked FAILED by the next run.
/// </summary>
public sealed class TrainingPipelineRunner(
    MonthPreparation months, IExperimentTracker tracker, IModelRegistry registry, TimeProvider time)
{
    public const string ModelArtifactPath = "model/model.zip";

    /// <summary>Runs the whole pipeline; <paramref name="gitCommit"/> is recorded on the run for lineage.</summary>
    /// <exception cref="DataValidationFailedException">A month failed validation; the run is marked FAILED.</exception>
    public async Task<PipelineResult> RunAsync(
        TrainingPipelineOptions options, string? gitCommit, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = time.GetTimestamp();
        tracker.RecoverAbandonedRuns();
        var experiment = tracker.GetOrCreateExperiment(options.ExperimentName);
        var run = tracker.CreateRun(new NewRun(experiment.ExperimentId, $"train {options.Train.YearMonth}") { GitCommit = gitCommit });
        try
        {
            tracker.LogBatch(run.RunId, new RunBatch { Params = RunParameters(options) });
            var result = await TrainAndRegisterAsync(options, run.RunId, started, progress, cancellationToken);
            tracker.UpdateRun(run.RunId, RunStatus.Finished);
            return result;
        }
        catch (OperationCanceledException)
        {
            tracker.UpdateRun(run.RunId, RunStatus.Killed);
            throw;
        }
        catch (Exception failure)
        {
            tracker.SetTag(run.RunId, TrackingTags.FailureReason, failure.Message);
            tracker.UpdateRun(run.RunId, RunStatus.Failed);
            throw;
        }
    }

    private async Task<PipelineResult> TrainAndRegisterAsync(
        TrainingPipelineOptions options, string runId, long started, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(Path.Combine(options.OutputDirectory, runId));
        var prepared = await PrepareMonthsAsync(options, runId, folder, progress, cancellationToken);
        var train = prepared[0];
        var validation = prepared[1];
        var test = prepared.Count > 2 ? prepared[2] : null;

        // A fresh context per fit: ML.NET's random state advances with every fit, so sharing one context would
        // make a trial's model depend on which trials ran before it.
        var fits = new FitLog(tracker, () => new ModelTrainer(new MLContext(options.Seed), time), runId, train, validation, progress);
        foreach (var name in options.Candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fits.Fit("candidates", options.Candidates.Count, CandidatePlan.Default(name));
        }

        var family = fits.Best.Outcome.Candidate.Trainer.Name;
        foreach (var candidate in CandidatePlan.Trials(family, options.Trials, options.Seed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            fits.Fit("search", options.Trials, candidate);
        }

        progress?.Report(new PipelineProgress("evaluate", 0, 1, $"best: {fits.Best.Outcome.Candidate}"));
        var best = fits.Best;
        var ml = new MLContext(options.Seed);
        var testQuality = test is null ? null : ModelEvaluator.Evaluate(ml, best.Result.Model, test.Examples);
        var scores = Score(ml, best.Result.Model, validation.Examples);
        LogWinner(runId, best, testQuality);

        progress?.Report(new PipelineProgress("register", 0, 1, "saving and registering the model"));
        var modelPath = Path.Combine(folder, "model.zip");
        ModelFile.Save(ml, best.Result.Model, best.Result.InputSchema, best.Result.Metadata with { Version = runId }, modelPath);
        tracker.LogArtifact(runId, modelPath, ModelArtifactPath);
        var version = registry.CreateModelVersion(new NewModelVersion(options.ModelName, runId, ModelArtifactPath, best.Outcome.Candidate.FeatureSet.ToString())
        {
            Metrics = VersionMetrics(best.Result.Validation, testQuality),
            DataMonths = [.. prepared.Select(month => month.File.Month.ToString())],
            Tags = new Dictionary<string, string>
            {
                ["trainer"] = best.Outcome.Candidate.Trainer.ToString(),
                ["data_origin"] = string.Join(",", prepared.Select(month => month.File.Origin).Distinct()),
            },
        });

        var elapsed = time.GetElapsedTime(started);
        var summary = new RunSummary(runId, prepared, fits.Outcomes, best.Outcome, best.Result.Validation, testQuality, version.Uri, elapsed);
        var files = RunSummaryWriter.Write(folder, summary, scores);
        foreach (var file in files)
        {
            tracker.LogArtifact(runId, file, "summary/" + Path.GetFileName(file));
        }

        progress?.Report(new PipelineProgress("register", 1, 1, $"registered {version.Uri}"));
        return new PipelineResult(runId, best.Outcome, best.Result.Validation, testQuality, version, fits.Outcomes, prepared, modelPath, files[0], elapsed);
    }

    private async Task<IReadOnlyList<PreparedMonth>> PrepareMonthsAsync(
        TrainingPipelineOptions options, string runId, string folder, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = new List<(string Role, Data.TaxiMonth Month)> { ("train", options.Train), ("validation", options.Validation) };
        if (options.Test is { } testMonth)
        {
            plan.Add(("test", testMonth));
        }

        var prepared = new List<PreparedMonth>();
        foreach (var (role, month) in plan)
        {
            progress?.Report(new PipelineProgress("ingest", prepared.Count, plan.Count, $"{role}: {month}"));
            PreparedMonth ready;
            try
            {
                ready = await months.PrepareAsync(role, month, cancellationToken);
            }
            catch (DataValidationFailedException failed)
            {
                // The report is the evidence of why the run stopped: keep it with the failed run.
                var reportPath = Path.Combine(folder, $"validation-{role}.md");
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(reportPath, failed.Report.ToMarkdown(), cancellationToken);
                tracker.LogArtifact(runId, reportPath, "validation/" + Path.GetFileName(reportPath));
                throw;
            }

            tracker.LogDataFingerprint(runId, new DataFingerprint(role, month.ToString(), ready.Features.KeptRows, ready.ContentHash));
            tracker.SetTag(runId, $"data.{role}.origin", ready.File.Origin.ToString());
            prepared.Add(ready);
        }

        progress?.Report(new PipelineProgress("ingest", plan.Count, plan.Count, "data validated and featurized"));
        return prepared;
    }

    private void LogWinner(string runId, FitLog.Fitted best, RegressionQuality? test)
    {
        tracker.LogBatch(runId, new RunBatch
        {
            Metrics = [.. VersionMetrics(best.Result.Validation, test).Select(pair => new Metric(pair.Key, pair.Value, 0, time.GetUtcNow()))],
            Tags = new Dictionary<string, string>
            {
                ["best.trainer"] = best.Outcome.Candidate.Trainer.ToString(),
                ["best.feature_set"] = best.Outcome.Candidate.FeatureSet.ToString(),
                ["best.run_id"] = best.Outcome.RunId,
            },
        });
    }

    private static Dictionary<string, double> VersionMetrics(RegressionQuality validation, RegressionQuality? test)
    {
        var metrics = new Dictionary<string, double>(validation.ToDictionary("validation_"), StringComparer.Ordinal);
        foreach (var (key, value) in test?.ToDictionary("test_") ?? new Dictionary<string, double>())
        {
            metrics[key] = value;
        }

        return metrics;
    }

    private static ValidationScores Score(MLContext ml, ITransformer model, IReadOnlyList<TripExample> examples)
    {
        var predicted = ml.Data
            .CreateEnumerable<DurationPrediction>(model.Transform(ml.Data.LoadFromEnumerable(examples)), reuseRowObject: false)
            .Select(prediction => prediction.Score)
            .ToArray();
        return new ValidationScores(
            examples.Select(example => example.Duration).ToArray(), predicted, examples.Select(example => example.TripDistance).ToArray());
    }

    private static Dictionary<string, string> RunParameters(TrainingPipelineOptions options) => new(StringComparer.Ordinal)
    {
        ["train_month"] = options.Train.ToString(),
        ["validation_month"] = options.Validation.ToString(),
        ["test_month"] = options.Test?.ToString() ?? "none",
        ["candidates"] = string.Join(",", options.Candidates),
        ["trials"] = options.Trials.ToString(CultureInfo.InvariantCulture),
        ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
    };
}
