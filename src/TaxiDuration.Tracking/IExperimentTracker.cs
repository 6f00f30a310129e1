namespace TaxiDuration.Tracking;

/// <summary>
/// Experiment tracking as callers see it. Shaped after MLflow's REST API 2.0 (experiments, runs, params, metrics,
/// tags, artifacts, inputs) so an MLflow server can become a backend without touching the pipeline; nothing here
/// mentions the embedded SQLite store.
/// </summary>
public interface IExperimentTracker
{
    /// <summary>Where the store is (a file path, a server), for the messages that tell a person which history they see.</summary>
    string Location { get; }

    /// <summary>MLflow: experiments/create. Fails when the name is taken.</summary>
    Experiment CreateExperiment(string name);

    /// <summary>MLflow: experiments/get-by-name; null when there is none.</summary>
    Experiment? GetExperimentByName(string name);

    /// <summary>The experiment with this name, created when missing (safe when several processes race to create it).</summary>
    Experiment GetOrCreateExperiment(string name);

    /// <summary>MLflow: experiments/search, by name.</summary>
    IReadOnlyList<Experiment> ListExperiments();

    /// <summary>MLflow: runs/create. The run starts <see cref="RunStatus.Running"/>, owned by the calling process.</summary>
    RunInfo CreateRun(NewRun run);

    /// <summary>MLflow: runs/update. A terminal status also records the end time.</summary>
    RunInfo UpdateRun(string runId, RunStatus status);

    /// <summary>MLflow: runs/log-metric, timestamped now. Every value is kept (history per key).</summary>
    void LogMetric(string runId, string key, double value, long step = 0);

    /// <summary>MLflow: runs/log-parameter. Params are immutable: the same value again is accepted, a different one throws <see cref="ParamConflictException"/>.</summary>
    void LogParam(string runId, string key, string value);

    /// <summary>MLflow: runs/set-tag. Tags are mutable: the last value wins.</summary>
    void SetTag(string runId, string key, string value);

    /// <summary>MLflow: runs/log-batch, in one transaction: nothing is logged when any part fails.</summary>
    void LogBatch(string runId, RunBatch batch);

    /// <summary>MLflow: runs/log-inputs. Records which data the run read.</summary>
    void LogDataFingerprint(string runId, DataFingerprint fingerprint);

    /// <summary>MLflow: runs/get. Throws <see cref="KeyNotFoundException"/> naming the id when there is no such run.</summary>
    Run GetRun(string runId);

    /// <summary>MLflow: runs/search, newest first.</summary>
    IReadOnlyList<Run> SearchRuns(RunQuery query);

    /// <summary>MLflow: metrics/get-history, ordered by step then time.</summary>
    IReadOnlyList<Metric> GetMetricHistory(string runId, string key);

    /// <summary>MLflow: artifacts (log_artifact). Stores the file's bytes once per SHA-256; logging the same path again replaces the reference.</summary>
    /// <param name="artifactPath">Relative path inside the run, '/'-separated; defaults to the file name.</param>
    ArtifactInfo LogArtifact(string runId, string localFile, string? artifactPath = null);

    /// <summary>MLflow: artifacts/list.</summary>
    IReadOnlyList<ArtifactInfo> ListArtifacts(string runId);

    /// <summary>
    /// A readable local file holding the artifact, after checking its SHA-256; a changed file throws
    /// <see cref="ArtifactIntegrityException"/> rather than being returned.
    /// </summary>
    string GetVerifiedArtifactFile(string runId, string artifactPath);

    /// <summary>
    /// Marks as <see cref="RunStatus.Failed"/> every run still <see cref="RunStatus.Running"/> whose owning process on
    /// this host is gone (killed pipeline), with the reason in the <see cref="TrackingTags.FailureReason"/> tag.
    /// Runs owned by other hosts are left alone: their liveness cannot be seen from here.
    /// </summary>
    IReadOnlyList<RunInfo> RecoverAbandonedRuns();
}
