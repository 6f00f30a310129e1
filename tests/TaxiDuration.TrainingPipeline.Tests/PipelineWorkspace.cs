using TaxiDuration.Data;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Features.Preparation;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;

namespace TaxiDuration.TrainingPipeline.Tests;

/// <summary>
/// A pipeline wired as the level-2 host wires it, in a temporary folder: a real SQLite store, a catalog that
/// never downloads, and either small synthetic months (fast, anywhere) or the real months of TAXI_DATA_DIR.
/// </summary>
internal sealed class PipelineWorkspace : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly HttpClient unusedHttp = new();

    public PipelineWorkspace(string? realDataDirectory = null, int syntheticRows = 6_000)
    {
        CatalogOptions = new MonthCatalogOptions
        {
            DataDirectory = realDataDirectory ?? folder.File("data"),
            AllowDownload = false,
            AllowSynthetic = realDataDirectory is null,
        };
        CatalogOptions.Synthetic.Rows = syntheticRows;
        Store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = folder.File("tracking/tracking.db") });
    }

    public MonthCatalogOptions CatalogOptions { get; }

    public TrackingStore Store { get; }

    public string DataDirectory => CatalogOptions.DataDirectory;

    public TrainingPipelineOptions Options(int trials, params string[] candidates) => new()
    {
        Trials = trials,
        Candidates = candidates,
        OutputDirectory = folder.File("runs"),
    };

    public TrainingPipelineRunner Runner() => new(
        new MonthPreparation(MonthCatalogFactory.Create(CatalogOptions, unusedHttp), new TlcTripReader(), new TripDataValidator()),
        Store.Tracker,
        Store.Registry,
        TimeProvider.System);

    public Task<PipelineResult> RunAsync(TrainingPipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Runner().RunAsync(options, gitCommit: "0123456789abcdef", progress, cancellationToken);

    /// <summary>The top-level runs of the pipeline's experiment, newest first.</summary>
    public IReadOnlyList<Run> PipelineRuns()
    {
        var experiment = Store.Tracker.GetExperimentByName(TrainingPipelineOptions.DefaultExperiment)
            ?? throw new InvalidOperationException("The pipeline created no experiment.");
        return Store.Tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], TopLevelOnly = true });
    }

    public IReadOnlyList<Run> ChildRuns(string parentRunId) => Store.Tracker.SearchRuns(new RunQuery { ParentRunId = parentRunId });

    public IReadOnlyList<ModelVersion> Versions() =>
        Store.Registry.ListRegisteredModels().Any(model => model.Name == TrainingPipelineOptions.DefaultModelName)
            ? Store.Registry.SearchModelVersions(TrainingPipelineOptions.DefaultModelName)
            : [];

    public void Dispose()
    {
        unusedHttp.Dispose();
        folder.Dispose();
    }
}
