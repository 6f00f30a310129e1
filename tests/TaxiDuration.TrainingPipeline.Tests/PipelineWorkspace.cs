using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.TrainingPipeline.Tests;

/// <summary>
/// A pipeline composed exactly as the level-2 host composes it (AddTrainingPipeline + AddTrackingStore, options from
/// configuration), in a temporary folder: a real SQLite store, a catalog that never downloads, and either small
/// synthetic months (fast, anywhere) or the real months of TAXI_DATA_DIR.
/// </summary>
internal sealed class PipelineWorkspace : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly IHost host;

    public PipelineWorkspace(string? realDataDirectory = null, int syntheticRows = 6_000)
    {
        DataDirectory = realDataDirectory ?? folder.File("data");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = folder.Path,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:DataDirectory"] = DataDirectory,
            ["Data:AllowDownload"] = "false",
            ["Data:AllowSynthetic"] = (realDataDirectory is null).ToString(),
            ["Data:Synthetic:Rows"] = syntheticRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tracking:Directory"] = folder.File("tracking"),
        });
        builder.Services.AddSqliteTrackingStore(builder.Configuration);
        builder.Services.AddTrainingPipeline(builder.Configuration);
        host = builder.Build();
    }

    public string DataDirectory { get; }

    public IExperimentTracker Tracker => host.Services.GetRequiredService<IExperimentTracker>();

    public IModelRegistry Registry => host.Services.GetRequiredService<IModelRegistry>();

    public TrainingPipelineOptions Options(int trials, params string[] candidates) => new()
    {
        Trials = trials,
        Candidates = candidates,
        OutputDirectory = folder.File("runs"),
    };

    public TrainingPipelineRunner Runner() => host.Services.GetRequiredService<TrainingPipelineRunner>();

    public Task<PipelineResult> RunAsync(TrainingPipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Runner().RunAsync(options, gitCommit: "0123456789abcdef", progress, cancellationToken);

    /// <summary>The top-level runs of the pipeline's experiment, newest first.</summary>
    public IReadOnlyList<Run> PipelineRuns()
    {
        var experiment = Tracker.GetExperimentByName(TrainingPipelineOptions.DefaultExperiment)
            ?? throw new InvalidOperationException("The pipeline created no experiment.");
        return Tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], TopLevelOnly = true });
    }

    public IReadOnlyList<Run> ChildRuns(string parentRunId) => Tracker.SearchRuns(new RunQuery { ParentRunId = parentRunId });

    public IReadOnlyList<ModelVersion> Versions() =>
        Registry.ListRegisteredModels().Any(model => model.Name == TrainingPipelineOptions.DefaultModelName)
            ? Registry.SearchModelVersions(TrainingPipelineOptions.DefaultModelName)
            : [];

    public void Dispose()
    {
        host.Dispose();
        folder.Dispose();
    }
}
