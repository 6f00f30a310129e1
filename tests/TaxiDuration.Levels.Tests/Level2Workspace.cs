using TaxiDuration.Reporting.Results;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Levels.Tests;

/// <summary>
/// Level 2 as a person runs it, in a temporary folder: the training CLI and the service as real processes,
/// sharing one store through TAXI_TRACKING_DIR, on synthetic months (no data folder needed).
/// </summary>
internal sealed class Level2Workspace : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public Level2Workspace()
    {
        Environment = new Dictionary<string, string?>
        {
            ["TAXI_DATA_DIR"] = folder.File("data"),
            [TrackingStoreOptions.DirectoryVariable] = folder.File("tracking"),
        };
    }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public string TrainingDll { get; } = BuiltHost.Dll("level2", "Training");

    public string ApiDll { get; } = BuiltHost.Dll("level2", "Api");

    /// <summary>Runs a CLI command (train, runs, models, promote) from the workspace folder.</summary>
    public Task<ScriptRun> CliAsync(params string[] arguments) => ScriptRun.DotnetAsync(folder.Path, Environment, [TrainingDll, .. arguments]);

    /// <summary>The quickest honest pipeline run: the linear candidate only, no search, no test month, synthetic data.</summary>
    public string[] QuickTrain(params string[] extra) =>
        ["train", "--candidates", "linear", "--trials", "0", "--test", "none", "--allow-synthetic", "--offline", "--result", ResultPath, .. extra];

    /// <summary>Where <see cref="QuickTrain"/> runs write their result.json (each run replaces it).</summary>
    public string ResultPath => folder.File("result.json");

    /// <summary>The registry version the last <see cref="QuickTrain"/> run registered, from its result.json.</summary>
    public string RegisteredVersion() => RunResult.Load(ResultPath).Outputs[ResultKeys.RegisteredVersion];

    public RunningService StartService() => RunningService.Start(ApiDll, Environment);

    /// <summary>The store the processes wrote, opened as a person browsing it would.</summary>
    public TrackingStore OpenStore() =>
        TrackingStore.Open(new TrackingStoreOptions { DatabasePath = Path.Combine(Environment[TrackingStoreOptions.DirectoryVariable]!, TrackingStoreOptions.DatabaseFileName) });

    public void Dispose() => folder.Dispose();
}
