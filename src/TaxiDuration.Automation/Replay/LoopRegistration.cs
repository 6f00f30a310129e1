using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Tracking;
using TaxiDuration.TrainingPipeline;

namespace TaxiDuration.Automation.Replay;

/// <summary>
/// Writes a model the loop fitted into the registry as a version a level-3 service can serve and the next cycle can
/// monitor: the model file and its reference profile as hash-recorded artifacts of a tracked run, the months it saw
/// and its trainer as tags. Promotion is the caller's: it knows which champion it read, for the compare-and-set.
/// </summary>
public sealed class LoopRegistration(IExperimentTracker tracker, IModelRegistry registry)
{
    /// <summary>Who the registry's history says acted when the loop registers, decides and promotes.</summary>
    public const string Actor = "loop";

    /// <summary>
    /// Runs <paramref name="work"/> (given its run id) as a tracked run of the loop's experiment: RUNNING while it
    /// works, so a process killed meanwhile leaves it that way for the next cycle to settle; then FINISHED, or FAILED
    /// when it throws.
    /// </summary>
    public T Track<T>(string runName, Func<string, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var experiment = tracker.GetOrCreateExperiment(LoopTracking.ExperimentName);
        var run = tracker.CreateRun(new NewRun(experiment.ExperimentId, runName));
        try
        {
            var result = work(run.RunId);
            tracker.UpdateRun(run.RunId, RunStatus.Finished);
            return result;
        }
        catch
        {
            tracker.UpdateRun(run.RunId, RunStatus.Failed);
            throw;
        }
    }

    /// <summary>Logs <paramref name="model"/> and its profile as artifacts of run <paramref name="runId"/> and registers a version of them.</summary>
    /// <param name="trainedBy">Who trained it and on what, kept as the version's <c>trained_by</c> tag.</param>
    public ModelVersion Register(
        string runId, string modelName, ReplayModel model, ModelFitter fitter, string trainedBy, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fitter);
        var folder = Directory.CreateTempSubdirectory("taxi-loop-").FullName;
        try
        {
            var modelPath = Path.Combine(folder, "model.zip");
            var schema = fitter.Context.Data.LoadFromEnumerable(Array.Empty<TripExample>()).Schema;
            ModelFile.Save(fitter.Context, model.Model, schema, new ModelMetadata(runId, model.TrainedOn, fitter.FeatureSet, fitter.Trainer, metrics, DateTimeOffset.UtcNow), modelPath);
            tracker.LogArtifact(runId, modelPath, TrainingPipelineRunner.ModelArtifactPath);
            var profilePath = Path.Combine(folder, ReferenceProfile.FileName);
            model.Profile.Save(profilePath);
            tracker.LogArtifact(runId, profilePath, TrainingPipelineRunner.ProfileArtifactPath);
            return registry.CreateModelVersion(new NewModelVersion(modelName, runId, TrainingPipelineRunner.ModelArtifactPath, fitter.FeatureSet)
            {
                Metrics = metrics,
                DataMonths = model.TrainedOn,
                Tags = new Dictionary<string, string>
                {
                    ["trainer"] = fitter.Trainer,
                    ["trained_by"] = trainedBy,
                    [TrainingPipelineRunner.ProfileTag] = TrainingPipelineRunner.ProfileArtifactPath,
                },
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
