namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>What many contract tests start from: a run, a run with a model artifact, registered model versions.</summary>
internal static class StoreArrangements
{
    /// <summary>The registered model the registry tests use.</summary>
    public const string Model = "taxi-duration";

    /// <summary>A new running run in the "taxi" experiment.</summary>
    public static string NewRun(this ContractStore store) =>
        store.Tracker.CreateRun(new NewRun(store.Tracker.GetOrCreateExperiment("taxi").ExperimentId, "run")).RunId;

    /// <summary>A run that logged a model file with <paramref name="content"/> at <c>model/model.zip</c>.</summary>
    public static (string RunId, ArtifactInfo Artifact) RunWithModel(this ContractStore store, string content)
    {
        var tracker = store.Tracker;
        var run = tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("taxi").ExperimentId, "train")).RunId;
        var artifact = tracker.LogArtifact(run, store.WriteFile(Guid.NewGuid().ToString("N") + ".zip", content), "model/model.zip");
        return (run, artifact);
    }

    /// <summary>Versions 1 to <paramref name="count"/> of <see cref="Model"/>, version N's file holding "model N".</summary>
    public static void RegisterModelVersions(this ContractStore store, int count)
    {
        for (var index = 1; index <= count; index++)
        {
            var (run, artifact) = store.RunWithModel($"model {index}");
            store.Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "pu_do+distance"));
        }
    }
}
