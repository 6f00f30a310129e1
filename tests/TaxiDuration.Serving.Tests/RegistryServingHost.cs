using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using TaxiDuration.ServiceDefaults;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Hosting;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Serving.Tests;

/// <summary>
/// Level 2's composition (levels/level2/Api/Program.cs) in memory: the service serving what a real SQLite tracking
/// store's registry calls champion, the store opened read-only as the level-2 host opens it. Its Program class is not
/// referenced because every level's host is called Program; the composition is the same calls in the same order.
/// </summary>
internal static class RegistryServingHost
{
    public const string Model = "taxi-duration";

    /// <summary>Registers <paramref name="modelFile"/> as version 1 of <see cref="Model"/> and makes it champion.</summary>
    public static VerifiedModelArtifact RegisterChampion(string trackingDirectory, string modelFile)
    {
        var store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = Path.Combine(trackingDirectory, TrackingStoreOptions.DatabaseFileName) });
        var run = store.Tracker.CreateRun(new NewRun(store.Tracker.GetOrCreateExperiment("taxi").ExperimentId, "train")).RunId;
        var artifact = store.Tracker.LogArtifact(run, modelFile, "model/model.zip");
        var version = store.Registry.CreateModelVersion(new NewModelVersion(Model, run, artifact.Path, "PU_DO+distance+hour"));
        store.Registry.SetAlias(Model, RegistryAliases.Champion, version.Version, "serving test", "test");
        return store.Registry.ResolveArtifact(ModelUri.ForAlias(Model, RegistryAliases.Champion));
    }

    /// <summary>The level-2 service on the store in <paramref name="trackingDirectory"/>, built but not started.</summary>
    public static WebApplication Build(string trackingDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [TrackingStoreOptions.DirectoryVariable] = trackingDirectory });
        builder.AddServiceDefaults();
        builder.Services.AddDurationPredictionService(builder.Configuration);
        builder.Services.AddTrackingStore(builder.Configuration, TrackingStoreAccess.ReadOnly);
        builder.Services.AddRegistryModelSource(builder.Configuration);
        var app = builder.Build();
        app.MapDurationPredictionService();
        return app;
    }
}
