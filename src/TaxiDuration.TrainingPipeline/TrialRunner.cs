using System.Globalization;
using System.Runtime.ExceptionServices;
using TaxiDuration.Tracking;
using TaxiDuration.Training;
using TaxiDuration.Training.Preparation;
using TaxiDuration.TrainingPipeline.Search;

namespace TaxiDuration.TrainingPipeline;

/// <summary>
/// Runs the trials of a search: fits a stage's candidates, up to <paramref name="maxParallelFits"/> at once, each as a
/// child run of the pipeline run, and keeps only the best fitted model in memory (a model per trial would hold every
/// trial's trees at once). Fits share nothing (a context each, LightGBM on one thread), so on two cores a search
/// takes about half as long. Trial numbers follow the candidates' order and a tie goes to the lower number, so the
/// records and the winner are the same whichever fit finishes first; tracker calls are made one at a time.
/// </summary>
internal sealed class TrialRunner(
    IExperimentTracker tracker,
    Func<ModelTrainer> newTrainer,
    string parentRunId,
    PreparedMonths months,
    IProgress<PipelineProgress>? progress,
    int maxParallelFits)
{
    private readonly List<TrialOutcome> outcomes = [];
    private readonly Lock records = new();
    private Fitted? best;

    /// <summary>Every trial so far, in trial-number order.</summary>
    public IReadOnlyList<TrialOutcome> Outcomes => outcomes;

    public Fitted Best => best ?? throw new InvalidOperationException("Nothing has been fitted yet.");

    /// <summary>Fits every candidate of <paramref name="stage"/>; the first failure (or cancellation) is rethrown once the fits under way end.</summary>
    public void FitAll(string stage, IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var first = outcomes.Count + 1;
        var stageDone = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelFits, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, candidates.Count, parallel, i =>
            {
                var outcome = Fit(stage, first + i, candidates[i]);
                lock (records)
                {
                    stageDone++;
                    progress?.Report(new PipelineProgress(stage, stageDone, candidates.Count, string.Create(
                        CultureInfo.InvariantCulture, $"{outcome.Index:00} {outcome.Candidate}: validation RMSE {outcome.ValidationRmse:0.000} in {outcome.FitSeconds:0.0} s")));
                }
            });
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            // What a sequential search would have thrown: the failure itself, not a wrapper around it.
            ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }
        finally
        {
            outcomes.Sort((a, b) => a.Index.CompareTo(b.Index));
        }
    }

    private TrialOutcome Fit(string stage, int index, Candidate candidate)
    {
        RunInfo child;
        lock (records)
        {
            var parent = tracker.GetRun(parentRunId).Info;
            child = tracker.CreateRun(new NewRun(parent.ExperimentId, $"{stage} {index:00}: {candidate.Trainer.Name}")
            {
                ParentRunId = parentRunId,
                GitCommit = parent.GitCommit,
                Tags = new Dictionary<string, string> { ["stage"] = stage },
            });
        }

        try
        {
            var result = newTrainer().Train(new TrainingRequest(
                months.Train.Examples, months.Validation.Examples, candidate.FeatureSet, candidate.Trainer, [months.Train.File.Month.ToString()]));
            var outcome = new TrialOutcome(child.RunId, stage, index, candidate, result.Validation.Rmse, result.Validation.Mae, result.FitSeconds);
            lock (records)
            {
                Record(outcome, result);
            }

            return outcome;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            lock (records)
            {
                tracker.SetTag(child.RunId, TrackingTags.FailureReason, failure.Message);
                tracker.UpdateRun(child.RunId, RunStatus.Failed);
            }

            throw;
        }
    }

    private void Record(TrialOutcome outcome, TrainingResult result)
    {
        tracker.LogBatch(outcome.RunId, new RunBatch
        {
            Params = TrialParameters(outcome.Candidate),
            Metrics = [.. result.Metadata.Metrics.Select(pair => new Metric(pair.Key, pair.Value, 0, result.Metadata.CreatedAt))],
        });
        // Step = trial number, so the parent's metric history is the search trajectory.
        tracker.LogMetric(parentRunId, "trial_validation_rmse", outcome.ValidationRmse, outcome.Index);
        tracker.UpdateRun(outcome.RunId, RunStatus.Finished);
        outcomes.Add(outcome);
        if (best is null
            || outcome.ValidationRmse < best.Outcome.ValidationRmse
            || (outcome.ValidationRmse == best.Outcome.ValidationRmse && outcome.Index < best.Outcome.Index))
        {
            best = new Fitted(outcome, result);
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
