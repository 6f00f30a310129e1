using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;
using TaxiDuration.Training.Trainers;
using TaxiDuration.TrainingPipeline;
using TaxiDuration.Trips;

namespace TaxiDuration.Deployment.Tests.Release;

/// <summary>
/// The level-3 training host's composition (tracking store + training pipeline + deployment gate) in a temporary
/// folder: a real SQLite store, and either small synthetic months or the real months of TAXI_DATA_DIR.
/// </summary>
internal sealed class ReleaseWorkspace : IDisposable
{
    public const string Model = TrainingPipelineOptions.DefaultModelName;
    private readonly TemporaryFolder folder = new();
    private readonly IHost host;

    public ReleaseWorkspace(string? realDataDirectory = null, Func<IModelRegistry, IModelRegistry>? wrapRegistry = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:DataDirectory"] = realDataDirectory ?? folder.File("data"),
            ["Data:AllowDownload"] = "false",
            ["Data:AllowSynthetic"] = (realDataDirectory is null).ToString(),
            ["Data:Synthetic:Rows"] = "6000",
            ["Tracking:Directory"] = folder.File("tracking"),
            // The suite runs under coverlet, whose hit counters slow our compiled-tree scoring ~25× but not ML.NET's
            // linear scoring: the measured cost ratio would judge the instrumentation. The cost rule has its own
            // tests (Gate/ChallengerVerdictTests); here it must not decide.
            ["PromotionGate:MaxScoringCostRatio"] = "1000",
        });
        builder.Services.AddSqliteTrackingStore(builder.Configuration);
        builder.Services.AddTrainingPipeline(builder.Configuration);
        builder.Services.AddDeploymentGate(builder.Configuration);
        if (wrapRegistry is not null)
        {
            var inner = builder.Services.Single(service => service.ServiceType == typeof(IModelRegistry));
            builder.Services.Remove(inner);
            builder.Services.AddSingleton(provider => wrapRegistry((IModelRegistry)inner.ImplementationFactory!(provider)));
        }

        host = builder.Build();
    }

    public IModelRegistry Registry => host.Services.GetRequiredService<IModelRegistry>();

    public DeploymentGate Gate => host.Services.GetRequiredService<DeploymentGate>();

    public string ReportFolder => folder.File("gate");

    /// <summary>Trains one model on 2021-01, validated on 2021-02, tested on <paramref name="test"/> (no search), and registers it; returns its version number.</summary>
    public async Task<int> TrainAsync(string trainer, string? test = "2021-03")
    {
        var runner = host.Services.GetRequiredService<TrainingPipelineRunner>();
        var options = new TrainingPipelineOptions
        {
            Trials = 0,
            Candidates = [trainer],
            OutputDirectory = folder.File("runs"),
            Test = test is null ? null : TaxiMonth.Parse("green " + test),
        };
        var result = await runner.RunAsync(options, gitCommit: "0123456789abcdef", progress: null, CancellationToken.None);
        return result.RegisteredVersion.Version;
    }

    /// <summary>A linear champion (set by hand, as a person would) and a LightGBM challenger.</summary>
    public async Task<(int Linear, int LightGbm)> LinearChampionAndLightGbmChallengerAsync(string? test = "2021-03")
    {
        var linear = await TrainAsync(TrainerNames.Linear, test);
        var lightGbm = await TrainAsync(TrainerNames.LightGbm, test);
        Registry.SetAlias(Model, RegistryAliases.Champion, linear, "baseline", "test");
        return (linear, lightGbm);
    }

    public Task<GateOutcome> JudgeAsync(int candidate, string month, bool promote = true) =>
        Gate.RunAsync(new GateRequest(ModelUri.ForVersion(Model, candidate), TaxiMonth.Parse("green " + month), promote), ReportFolder, CancellationToken.None);

    public int Champion() => Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version;

    public void Dispose()
    {
        host.Dispose();
        folder.Dispose();
    }
}
