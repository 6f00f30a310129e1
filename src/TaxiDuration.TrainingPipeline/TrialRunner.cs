using System.Globalization;
using TaxiDuration.Tracking;
using TaxiDuration.Training;
using TaxiDuration.Training.Preparation;
using TaxiDuration.TrainingPipeline.Search;

namespace TaxiDuration.TrainingPipeline;

/// <summary>
/// Runs the trials of a search: fits candidates one after another, each as a child run of the pipeline run, and
/// keeps only the best fitted model in memory (a model per trial would hold every trial's trees at once).
/// </summary>
internal sealed class TrialRunner(
    IExperimentTracker tracker, Func<ModelTrainer> newTrainer, string parentRunId, PreparedMonths months, IProgress<PipelineProgress>? progress)
{
    private readonly List<TrialOutcome> outcomes = [];
    private Fitted? best;

    public IReadOnlyList<TrialOutcome> Outcomes => outcomes;

    public Fitted Best => best ?? throw new InvalidOperationException("Nothing has been fitted yet.");

    public void Fit(string stage, int stageTotal, Candidate candidate)
    {
        var index = outcomes.Count + 1;
        var parent = tracker.GetRun(parentRunId).Info;
        var child = tracker.CreateRun(new NewRun(parent.ExperimentId, $"{stage} {index:00}: {candidate.Trainer.Name}")
        {
            ParentRunId = parentRunId,
            GitCommit = parent.GitCommit,
            Tags = new Dictionary<string, string> { ["stage"] = stage },
        });
        try
        {
            var result = newTrainer().Train(new TrainingRequest(
                months.Train.Examples, months.Validation.Examples, candidate.FeatureSet, candidate.Trainer, [months.Train.File.Month.ToString()]));
            var outcome = new TrialOutcome(child.RunId, stage, index, candidate, result.Validation.Rmse, result.Validation.Mae, result.FitSeconds);
            tracker.LogBatch(child.RunId, new RunBatch
            {
                Params = TrialParameters(candidate),
                Metrics = [.. result.Metadata.Metrics.Select(pair => new Metric(pair.Key, pair.Value, 0, result.Metadata.CreatedAt))],
            });
            // Step = fit number, so the parent's metric history is the search trajectory.
            tracker.LogMetric(parentRunId, "trial_validation_rmse", result.Validation.Rmse, index);
            tracker.UpdateRun(child.RunId, RunStatus.Finished);
            outcomes.Add(outcome);
            if (best is null || outcome.ValidationRmse < best.Outcome.ValidationRmse)
            {
                best = new Fitted(outcome, result);
            }

            var stageDone = outcomes.Count(o => o.Stage == stage);
            progress?.Report(new PipelineProgress(stage, stageDone, stageTotal, string.Create(
                CultureInfo.InvariantCulture, $"{index:00} {candidate}: validation RMSE {outcome.ValidationRmse:0.000} in {outcome.FitSeconds:0.0} s")));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            tracker.SetTag(child.RunId, TrackingTags.FailureReason, failure.Message);
            tracker.UpdateRun(child.RunId, RunStatus.Failed);
            throw;
        }
    }

    private static Dictionary<string, string> TrialParameters(Candidate candidate)
    {
        var parameters = candidate.Trainer.Parameters.ToDictionary(
            pair => pair.Key, pair => pair.Value.ToString("G", CultureInfo.InvariantCulture), StringComparer.Ordinal);
        parameters["trainer"] = candidate.Trainer.Name;
        parameters["feature_set"] = candidate.FeatureSet.ToString();
        return parameters;
    }

    /// <summary>A fit worth keeping: its outcome and the fitted model.</summary>
    internal sealed record Fitted(TrialOutcome Outcome, TrainingResult Result);
}
