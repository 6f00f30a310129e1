using System.Globalization;
using Microsoft.ML;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Model;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Training;
using TaxiDuration.TrainingPipeline.Search;
using TaxiDuration.Trips;

namespace TaxiDuration.TrainingPipeline;

/// <summary>
/// Level 2's automated training: ingest → validate → featurize → candidates → seeded search → evaluate →
/// register, every step tracked. The run is FINISHED only once its version is registered; any failure marks it
/// FAILED (cancellation: KILLED) and registers nothing, and a killed process is marked FAILED by the next run.
/// </summary>
public sealed class TrainingPipelineRunner(
    MonthPreparation preparation, IExperimentTracker tracker, IModelRegistry registry, TimeProvider time)
{
    /// <summary>The registry tag naming a version's reference-profile artifact on its run.</summary>
    public const string ProfileTag = "reference_profile";

    public const string ModelArtifactPath = "model/model.zip";

    /// <summary>Where the winner's reference profile is logged on its run, beside the model.</summary>
    public const string ProfileArtifactPath = "model/" + ReferenceProfile.FileName;

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
        var months = await PrepareMonthsAsync(options, runId, folder, progress, cancellationToken);

        // A fresh context per fit: ML.NET's random state advances with every fit, so sharing one context would
        // make a trial's model depend on which trials ran before it.
        var trials = new TrialRunner(tracker, () => new ModelTrainer(new MLContext(options.Seed), time), runId, months, progress, options.ParallelFits);
        trials.FitAll("candidates", [.. options.Candidates.Select(CandidatePlan.Default)], cancellationToken);
        var family = trials.Best.Outcome.Candidate.Trainer.Name;
        trials.FitAll("search", CandidatePlan.Trials(family, options.Trials, options.Seed), cancellationToken);

        progress?.Report(new PipelineProgress("evaluate", 0, 1, $"best: {trials.Best.Outcome.Candidate}"));
        var best = trials.Best;
        var ml = new MLContext(options.Seed);
        var testQuality = months.Test is { } test ? ModelEvaluator.Evaluate(ml, best.Result.Model, test.Examples) : null;
        var validationPredicted = BatchScorer.Predict(ml, best.Result.Model, months.Validation.Examples);
        LogWinner(runId, best, testQuality);

        progress?.Report(new PipelineProgress("register", 0, 1, "saving and registering the model"));
        var modelPath = Path.Combine(folder, "model.zip");
        ModelFile.Save(ml, best.Result.Model, best.Result.InputSchema, best.Result.Metadata with { Version = runId }, modelPath);
        tracker.LogArtifact(runId, modelPath, ModelArtifactPath);
        var profilePath = Path.Combine(folder, ReferenceProfile.FileName);
        ReferenceProfile.Create(months.Validation.File.Month.ToString(), months.Validation.Examples, validationPredicted, seed: options.Seed).Save(profilePath);
        tracker.LogArtifact(runId, profilePath, ProfileArtifactPath);
        var version = registry.CreateModelVersion(new NewModelVersion(options.ModelName, runId, ModelArtifactPath, best.Outcome.Candidate.FeatureSet.ToString())
        {
            Metrics = VersionMetrics(best.Result.Validation, testQuality),
            DataMonths = [.. months.All.Select(month => month.File.Month.ToString())],
            Tags = new Dictionary<string, string>
            {
                ["trainer"] = best.Outcome.Candidate.Trainer.ToString(),
                ["data_origin"] = string.Join(",", months.All.Select(month => month.File.Origin).Distinct()),
                [ProfileTag] = ProfileArtifactPath,
            },
        });

        if (options.Alias is { } alias)
        {
            version = registry.SetAlias(options.ModelName, alias, version.Version, $"registered by run {runId}", "pipeline");
        }

        var elapsed = time.GetElapsedTime(started);
        var summary = new RunSummary(runId, months.All, trials.Outcomes, best.Outcome, best.Result.Validation, testQuality, version.Uri, elapsed);
        var scores = new ValidationScores(
            [.. months.Validation.Examples.Select(example => example.Duration)], validationPredicted, [.. months.Validation.Examples.Select(example => example.TripDistance)]);
        var files = RunSummaryWriter.Write(folder, summary, scores);
        foreach (var file in files)
        {
            tracker.LogArtifact(runId, file, "summary/" + Path.GetFileName(file));
        }

        progress?.Report(new PipelineProgress("register", 1, 1, $"registered {version.Uri}"));
        return new PipelineResult(runId, best.Outcome, best.Result.Validation, testQuality, version, trials.Outcomes, months, modelPath, profilePath, files[0], elapsed);
    }

    private async Task<PreparedMonths> PrepareMonthsAsync(
        TrainingPipelineOptions options, string runId, string folder, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = new List<(string Role, TaxiMonth Month)> { ("train", options.Train), ("validation", options.Validation) };
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
                ready = await preparation.PrepareAsync(role, month, cancellationToken);
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
        return new PreparedMonths(prepared[0], prepared[1], prepared.Count > 2 ? prepared[2] : null);
    }

    private void LogWinner(string runId, TrialRunner.Fitted best, RegressionQuality? test)
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
