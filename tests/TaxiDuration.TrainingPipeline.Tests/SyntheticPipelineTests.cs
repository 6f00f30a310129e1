using Microsoft.ML;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Model;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Training.Trainers;
using TaxiDuration.Training;
using TaxiDuration.Trips;

namespace TaxiDuration.TrainingPipeline.Tests;

/// <summary>The whole pipeline end to end on small synthetic months: every stage tracked, the winner registered.</summary>
public sealed class SyntheticPipelineTests
{
    [Fact]
    public async Task A_run_tracks_every_fit_registers_the_best_and_writes_its_summary()
    {
        using var workspace = new PipelineWorkspace();

        var options = workspace.Options(2, TrainerNames.Linear, TrainerNames.LightGbm);
        var result = await workspace.RunAsync(options);

        var run = workspace.Tracker.GetRun(result.RunId);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("0123456789abcdef", run.Info.GitCommit);
        Assert.Equal(["test", "train", "validation"], run.DataFingerprints.Select(fingerprint => fingerprint.Role).Order(StringComparer.Ordinal));
        Assert.Equal(nameof(DataOrigin.Synthetic), run.Tags["data.train.origin"]);

        var children = workspace.ChildRuns(result.RunId);
        Assert.Equal(4, children.Count);
        Assert.All(children, child => Assert.Equal(RunStatus.Finished, child.Info.Status));
        Assert.All(children, child => Assert.True(child.LatestMetrics.ContainsKey("rmse")));
        var bestChild = children.MinBy(child => child.LatestMetrics["rmse"].Value)!;
        Assert.Equal(bestChild.Info.RunId, result.Best.RunId);
        Assert.Equal(bestChild.LatestMetrics["rmse"].Value, result.Validation.Rmse, 6);
        Assert.Equal(4, workspace.Tracker.GetMetricHistory(result.RunId, "trial_validation_rmse").Count);

        // The ladder compares levels on the linear candidate with its defaults, whichever model won.
        var linear = result.Trials.Single(trial => trial.Stage == "candidates" && trial.Candidate.Trainer.Name == TrainerNames.Linear);
        Assert.Equal(linear.ValidationRmse, PipelineResults.ToRunResult(result, options).Metrics[ResultKeys.LinearValidationRmse]);

        Assert.Equal(1, result.RegisteredVersion.Version);
        Assert.Equal(result.RunId, result.RegisteredVersion.RunId);
        Assert.Equal(result.Validation.Rmse, result.RegisteredVersion.Metrics["validation_rmse"], 6);
        Assert.Equal(["green 2021-01", "green 2021-02", "green 2021-03"], result.RegisteredVersion.DataMonths);

        // The winner's reference profile (for level-4 drift checks) is logged beside the model and named by the version.
        Assert.Equal(TrainingPipelineRunner.ProfileArtifactPath, result.RegisteredVersion.Tags[TrainingPipelineRunner.ProfileTag]);
        var profile = ReferenceProfile.Load(workspace.Tracker.GetVerifiedArtifactFile(result.RunId, TrainingPipelineRunner.ProfileArtifactPath));
        Assert.Equal("green 2021-02", profile.Month);
        Assert.Equal(result.Months.Validation.Features.KeptRows, profile.Rows);
        Assert.Equal(result.Validation.Rmse, profile.Metrics[ProfileMetrics.Rmse], 3);

        var summary = await File.ReadAllTextAsync(result.SummaryPath);
        Assert.Contains("SYNTHETIC", summary, StringComparison.Ordinal);
        Assert.Contains("taxi-duration/1", summary, StringComparison.Ordinal);
        foreach (var plot in new[] { RunSummaryWriter.PredictedVersusActualFile, RunSummaryWriter.ResidualsByDistanceFile, RunSummaryWriter.SearchTrajectoryFile })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(result.SummaryPath)!, plot));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
    }

    [Fact]
    public async Task Fits_run_side_by_side_give_the_same_trials_in_the_same_order_and_the_same_winner_as_one_at_a_time()
    {
        using var oneAtATime = new PipelineWorkspace();
        using var sideBySide = new PipelineWorkspace();
        var sequential = oneAtATime.Options(4, TrainerNames.Linear, TrainerNames.LightGbm);
        sequential.ParallelFits = 1;
        var parallel = sideBySide.Options(4, TrainerNames.Linear, TrainerNames.LightGbm);
        parallel.ParallelFits = 3;

        var expected = await oneAtATime.RunAsync(sequential);
        var actual = await sideBySide.RunAsync(parallel);

        static object Trial(TrialOutcome trial) => (trial.Index, trial.Stage, trial.Candidate.ToString(), trial.ValidationRmse);
        Assert.Equal(Enumerable.Range(1, 6), actual.Trials.Select(trial => trial.Index));
        Assert.Equal(expected.Trials.Select(Trial), actual.Trials.Select(Trial));
        Assert.Equal(Trial(expected.Best), Trial(actual.Best));
        // The parent's search trajectory is recorded by trial number, not by which fit finished first.
        Assert.Equal(
            expected.Trials.Select(trial => (trial.Index, trial.ValidationRmse)),
            sideBySide.Tracker.GetMetricHistory(actual.RunId, "trial_validation_rmse").OrderBy(metric => metric.Step).Select(metric => ((int)metric.Step, metric.Value)));
        Assert.All(sideBySide.ChildRuns(actual.RunId), child => Assert.Equal(RunStatus.Finished, child.Info.Status));
    }

    [Fact]
    public async Task The_registered_artifact_loads_and_predicts_like_the_run_said()
    {
        using var workspace = new PipelineWorkspace();
        var result = await workspace.RunAsync(workspace.Options(0, TrainerNames.Linear));

        var artifact = workspace.Registry.ResolveArtifact(ModelUri.Parse("taxi-duration/1"));
        var ml = new MLContext(seed: 1);
        var loaded = ModelFile.Load(ml, artifact.FilePath);
        var validation = result.Months.Validation;
        var rmse = Training.Evaluation.ModelEvaluator.Evaluate(ml, loaded.Transformer, validation.Examples).Rmse;

        Assert.Equal(result.Validation.Rmse, rmse, 4);
        Assert.Equal(result.RunId, loaded.Metadata.Version);
    }

    [Fact]
    public async Task Running_again_appends_a_version_and_keeps_the_history()
    {
        using var workspace = new PipelineWorkspace();

        var first = await workspace.RunAsync(workspace.Options(0, TrainerNames.Linear));
        var second = await workspace.RunAsync(workspace.Options(1, TrainerNames.Linear));

        Assert.Equal([1, 2], workspace.Versions().Select(version => version.Version).Order());
        Assert.Equal([first.RunId, second.RunId], workspace.Versions().OrderBy(version => version.Version).Select(version => version.RunId));
        Assert.All(workspace.PipelineRuns(), run => Assert.Equal(RunStatus.Finished, run.Info.Status));
        Assert.Single(workspace.Tracker.ListExperiments());
    }

    [Fact]
    public async Task A_month_that_fails_validation_fails_the_run_and_registers_nothing()
    {
        using var workspace = new PipelineWorkspace();
        // A "2021-02" file whose trips all happened in June 2020: the wrong extract, a classic pipeline accident.
        var wrongMonth = new SyntheticMonthOptions { Rows = 3_000 };
        await new SyntheticMonthGenerator().WriteAsync(
            TaxiMonth.Parse("green 2020-06"), Path.Combine(workspace.DataDirectory, TaxiMonth.Parse("green 2021-02").FileName), wrongMonth);

        var failure = await Assert.ThrowsAsync<DataValidationFailedException>(() => workspace.RunAsync(workspace.Options(0, TrainerNames.Linear)));

        Assert.False(failure.Report.Passed);
        var run = Assert.Single(workspace.PipelineRuns());
        Assert.Equal(RunStatus.Failed, run.Info.Status);
        Assert.Contains("validation", run.Tags[TrackingTags.FailureReason], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(workspace.Tracker.ListArtifacts(run.Info.RunId), artifact => artifact.Path.StartsWith("validation/", StringComparison.Ordinal));
        Assert.Empty(workspace.Versions());
    }

    [Fact]
    public async Task A_cancelled_run_is_marked_killed_and_registers_nothing()
    {
        using var workspace = new PipelineWorkspace();
        using var cancellation = new CancellationTokenSource();
        // Cancel as soon as the first candidate is fitted: the run is stopped in the middle of training.
        var progress = new CallbackProgress(step =>
        {
            if (step.Stage == "candidates")
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => workspace.RunAsync(workspace.Options(3, TrainerNames.Linear, TrainerNames.LightGbm), progress, cancellation.Token));

        Assert.Equal(RunStatus.Killed, Assert.Single(workspace.PipelineRuns()).Info.Status);
        Assert.Empty(workspace.Versions());
    }

    private sealed class CallbackProgress(Action<PipelineProgress> callback) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => callback(value);
    }
}
