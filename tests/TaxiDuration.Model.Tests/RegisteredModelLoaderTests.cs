using Microsoft.ML;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.Model.Tests;

/// <summary>What a registry URI names is loaded only after its bytes are proven to be the registered ones.</summary>
public sealed class RegisteredModelLoaderTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly TrackingStore store;

    public RegisteredModelLoaderTests()
    {
        store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = folder.File("tracking/tracking.db") });
    }

    [Fact]
    public void An_alias_loads_its_version_which_the_model_then_reports()
    {
        Register(TrainerNames.Linear);
        var second = Register(TrainerNames.LightGbm);
        store.Registry.SetAlias("taxi-duration", "champion", second.Version, "test", "tester");

        var loaded = new RegisteredModelLoader(store.Registry).Load(new MLContext(), ModelUri.Parse("taxi-duration@champion"));

        Assert.Equal(2, loaded.Version.Version);
        Assert.Equal("taxi-duration/2", loaded.Model.Metadata.Version);
        Assert.Equal(ContentHash.OfFile(loaded.FilePath), second.ArtifactSha256);
    }

    [Fact]
    public void A_tampered_artifact_is_refused_naming_both_hashes()
    {
        var version = Register(TrainerNames.Linear);
        var stored = store.Registry.ResolveArtifact(ModelUri.ForVersion("taxi-duration", version.Version)).FilePath;
        File.AppendAllText(stored, "tampered");

        var error = Assert.Throws<ArtifactIntegrityException>(
            () => new RegisteredModelLoader(store.Registry).Load(new MLContext(), ModelUri.ForVersion("taxi-duration", version.Version)));

        Assert.Contains(version.ArtifactSha256, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private ModelVersion Register(string trainer)
    {
        var experiment = store.Tracker.GetOrCreateExperiment("tests");
        var run = store.Tracker.CreateRun(new NewRun(experiment.ExperimentId, trainer));
        var path = folder.File($"{run.RunId}.zip");
        TinyModels.Save(path, trainer, run.RunId);
        store.Tracker.LogArtifact(run.RunId, path, "model/model.zip");
        store.Tracker.UpdateRun(run.RunId, RunStatus.Finished);
        return store.Registry.CreateModelVersion(new NewModelVersion("taxi-duration", run.RunId, "model/model.zip", "test"));
    }
}
