using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Postgres;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Tracking.Hosting.Tests;

/// <summary>The backend is a setting: the embedded store unless a PostgreSQL connection string is configured.</summary>
public sealed class TrackingBackendSelectionTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void Without_a_connection_string_runs_go_to_the_embedded_store_in_the_tracking_folder()
    {
        using var host = Host(new Dictionary<string, string?>());

        var run = host.Services.GetRequiredService<IExperimentTracker>().CreateRun(new NewRun(ExperimentId(host), "default backend"));

        Assert.NotNull(host.Services.GetService<TrackingStore>());
        Assert.Null(host.Services.GetService<PostgresTrackingStore>());
        Assert.True(File.Exists(folder.File(Path.Combine("tracking", TrackingStoreOptions.DatabaseFileName))));
        Assert.Equal("default backend", host.Services.GetRequiredService<IExperimentTracker>().GetRun(run.RunId).Info.Name);
    }

    [Fact]
    public void The_configuration_section_wins_over_the_environment_variable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tracking:Postgres"] = "Host=from-settings",
            [TrackingBackendServiceCollectionExtensions.PostgresVariable] = "Host=from-environment",
        }).Build();

        Assert.Equal("Host=from-settings", TrackingBackendServiceCollectionExtensions.PostgresConnectionString(configuration));
        Assert.Null(TrackingBackendServiceCollectionExtensions.PostgresConnectionString(new ConfigurationBuilder().Build()));
    }

    [PostgresFact]
    public void With_a_connection_string_runs_go_to_PostgreSQL_and_artifacts_to_the_tracking_folder()
    {
        using var database = new FreshDatabase();
        using var host = Host(new Dictionary<string, string?> { [TrackingBackendServiceCollectionExtensions.PostgresVariable] = database.ConnectionString });
        var tracker = host.Services.GetRequiredService<IExperimentTracker>();

        var run = tracker.CreateRun(new NewRun(ExperimentId(host), "server backend"));
        File.WriteAllText(folder.File("readme.txt"), "hello");
        var artifact = tracker.LogArtifact(run.RunId, folder.File("readme.txt"), "notes/readme.txt");

        Assert.NotNull(host.Services.GetService<PostgresTrackingStore>());
        Assert.False(File.Exists(folder.File(Path.Combine("tracking", TrackingStoreOptions.DatabaseFileName))), "an embedded store was created too");
        using var direct = PostgresTrackingStore.Open(new PostgresTrackingOptions
        {
            ConnectionString = database.ConnectionString,
            ArtifactRoot = folder.File(Path.Combine("tracking", "artifacts")),
            ReadOnly = true,
        });
        Assert.Equal("server backend", direct.Tracker.GetRun(run.RunId).Info.Name);
        Assert.Equal("hello", File.ReadAllText(direct.Tracker.GetVerifiedArtifactFile(run.RunId, "notes/readme.txt")));
        Assert.Equal(artifact.Sha256, direct.Tracker.ListArtifacts(run.RunId).Single().Sha256);
    }

    public void Dispose() => folder.Dispose();

    private static string ExperimentId(IHost host) =>
        host.Services.GetRequiredService<IExperimentTracker>().GetOrCreateExperiment("selection").ExperimentId;

    private IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Tracking:Directory"] = "tracking" });
        builder.Services.AddTrackingStore(builder.Configuration);
        return builder.Build();
    }
}
