using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Tracking.Postgres.Tests;

public sealed class ServiceCollectionTests(FreshDatabase database) : IClassFixture<FreshDatabase>, IDisposable
{
    private readonly TempStore temp = new(database);

    [PostgresFact]
    public void AddPostgresTracking_serves_tracker_and_registry_of_one_store_with_artifacts_under_the_content_root()
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Environment(temp.Folder))
            .AddPostgresTracking(temp.ConnectionString, "shared-artifacts");
        var store = default(PostgresTrackingStore);
        using (var provider = services.BuildServiceProvider())
        {
            store = provider.GetRequiredService<PostgresTrackingStore>();
            var tracker = provider.GetRequiredService<IExperimentTracker>();
            var run = tracker.CreateRun(new NewRun(tracker.GetOrCreateExperiment("taxi").ExperimentId, "train")).RunId;
            var artifact = tracker.LogArtifact(run, temp.WriteFile("model.zip", "bytes"), "model/model.zip");
            var version = provider.GetRequiredService<IModelRegistry>().CreateModelVersion(new NewModelVersion("taxi-duration", run, artifact.Path, "f"));

            Assert.Same(store.Tracker, tracker);
            Assert.Equal(Path.Combine(temp.Folder, "shared-artifacts"), store.ArtifactRoot);
            Assert.StartsWith(store.ArtifactRoot, tracker.GetVerifiedArtifactFile(run, "model/model.zip"), StringComparison.Ordinal);
            Assert.Equal(1, version.Version);
        }

        // The container disposed the store, and with it its connection pool.
        Assert.Throws<ObjectDisposedException>(() => store.Tracker.ListExperiments());
    }

    public void Dispose() => temp.Dispose();

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
