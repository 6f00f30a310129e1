using TaxiDuration.Reporting.Results;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Hosting;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// A level as a person runs it, in a temporary folder: the training CLI and the service as real processes,
/// sharing one store through TAXI_TRACKING_DIR, on synthetic months (no data folder needed).
/// </summary>
internal sealed class LevelWorkspace : IDisposable
{
    private readonly TemporaryFolder folder = new();

    /// <param name="level">"level2", "level3" or "level4" (whose CLI drives the level-3 service).</param>
    /// <param name="postgres">A PostgreSQL connection string: every process then tracks there, the folder keeping only artifacts.</param>
    public LevelWorkspace(string level = "level2", string? postgres = null)
    {
        TrainingDll = BuiltHost.Dll(level, "Training");
        ApiDll = BuiltHost.Dll(level == "level4" ? "level3" : level, "Api");
        Environment = new Dictionary<string, string?>
        {
            ["TAXI_DATA_DIR"] = folder.File("data"),
            [TrackingStoreOptions.DirectoryVariable] = folder.File("tracking"),
            // The level-3 service logs every prediction: into the workspace, not beside the built host.
            ["PredictionLog__Directory"] = folder.File("predictions"),
            [TrackingBackendServiceCollectionExtensions.PostgresVariable] = postgres,
        };
    }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public string TrainingDll { get; }

    public string ApiDll { get; }

    /// <summary>A file or folder inside the workspace.</summary>
    public string File(string name) => folder.File(name);

    /// <summary>Runs a CLI command (train, runs, models, promote) from the workspace folder.</summary>
    public Task<ScriptRun> CliAsync(params string[] arguments) => ScriptRun.DotnetAsync(folder.Path, Environment, [TrainingDll, .. arguments]);

    /// <summary>The quickest honest pipeline run: the linear candidate only, no search, no test month, synthetic data.</summary>
    public string[] QuickTrain(params string[] extra) =>
        ["train", "--candidates", "linear", "--trials", "0", "--test", "none", "--allow-synthetic", "--offline", "--result", ResultPath, .. extra];

    /// <summary>A quick training run whose version 1 a person then promotes: a store with a champion to serve.</summary>
    public async Task TrainFirstChampionAsync(string reason)
    {
        var trained = await CliAsync(QuickTrain());
        Assert.True(trained.ExitCode == 0, trained.Transcript);
        var promoted = await CliAsync("promote", "--version", "1", "--reason", reason);
        Assert.True(promoted.ExitCode == 0, promoted.Transcript);
    }

    /// <summary>Where <see cref="QuickTrain"/> runs write their result.json (each run replaces it).</summary>
    public string ResultPath => folder.File("result.json");

    /// <summary>The registry version the last <see cref="QuickTrain"/> run registered, from its result.json.</summary>
    public string RegisteredVersion() => RunResult.Load(ResultPath).Outputs[ResultKeys.RegisteredVersion];

    /// <param name="address">Where it listens (default: a free loopback port).</param>
    /// <param name="environment">Settings added to the workspace's (e.g. an A/B split's <c>Rollout__Variants__…</c>).</param>
    public RunningService StartService(Uri? address = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunningService.Start(ApiDll, environment is null ? Environment : Environment.Concat(environment).ToDictionary(), address);

    /// <summary>The store the processes wrote, opened as a person browsing it would.</summary>
    public TrackingStore OpenStore() =>
        TrackingStore.Open(new TrackingStoreOptions { DatabasePath = Path.Combine(Environment[TrackingStoreOptions.DirectoryVariable]!, TrackingStoreOptions.DatabaseFileName) });

    public void Dispose() => folder.Dispose();
}
