using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaxiDuration.Automation.Cycle;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;
using TaxiDuration.Training.Trainers;
using TaxiDuration.TrainingPipeline;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Tests.Cycle;

/// <summary>The scheduled cycle against a real SQLite registry: a lockdown month retrains, registers and promotes; the policy remembers.</summary>
public sealed class MonitorCycleTests : IDisposable
{
    private const string Model = TrainingPipelineOptions.DefaultModelName;
    private readonly TemporaryFolder folder = new();
    private readonly IHost host;

    public MonitorCycleTests()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:DataDirectory"] = folder.File("data"),
            ["Data:AllowDownload"] = "false",
            ["Data:AllowSynthetic"] = "true",
            ["Data:Synthetic:Rows"] = "30000",
            ["Tracking:Directory"] = folder.File("tracking"),
            ["Monitor:MetricsFile"] = folder.File("metrics/taxi_monitor.prom"),
        });
        builder.Services.AddSqliteTrackingStore(builder.Configuration);
        builder.Services.AddTrainingPipeline(builder.Configuration);
        builder.Services.AddRetrainingLoop(builder.Configuration);
        host = builder.Build();
    }

    private IModelRegistry Registry => host.Services.GetRequiredService<IModelRegistry>();

    [Fact]
    public async Task A_lockdown_month_is_retrained_gated_registered_and_promoted_and_the_next_cycle_honours_the_cooldown()
    {
        var first = await ChampionAsync();
        // A lockdown keeps about 45 % of the trips: 50,000 rows leave more than the 20,000 new labels a retrain needs.
        await WriteMonthAsync("2021-03", SyntheticScenario.Lockdown);
        var cycle = host.Services.GetRequiredService<MonitorCycle>();
        TaxiMonth[] months = [TaxiMonth.Parse("green 2021-02"), TaxiMonth.Parse("green 2021-03")];

        var retrained = await cycle.RunAsync(months, CancellationToken.None);
        var repeated = await cycle.RunAsync(months, CancellationToken.None);
        // The city reopens: the lockdown model is off on a normal month, but one cooldown window follows a promotion,
        // and only a state carried over from the last cycle's tracked run knows that.
        await WriteMonthAsync("2021-04", SyntheticScenario.None);
        var reopened = await cycle.RunAsync([.. months, TaxiMonth.Parse("green 2021-04")], CancellationToken.None);

        Assert.Equal((PolicyAction.Retrain, Trigger.Performance), (retrained.Outcome!.Decision.Action, retrained.Outcome.Decision.Trigger));
        var promoted = Assert.IsType<ModelVersion>(retrained.Promoted);
        Assert.Equal(promoted.Version, Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(first, Registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion).Version);
        Assert.Equal("loop", Registry.GetAliasHistory(Model)[^1].Actor);
        var decision = Registry.GetDecisions(Model)[^1];
        Assert.Equal(("Promote", promoted.Version, "loop"), (decision.Verdict, decision.CandidateVersion, decision.Actor));
        Assert.Contains("green 2021-03", promoted.DataMonths);
        Assert.Contains("taxi_loop_promotions_total 1", await File.ReadAllLinesAsync(folder.File("metrics/taxi_monitor.prom")));

        Assert.Null(repeated.Outcome);
        Assert.Contains("already monitored", repeated.Summary, StringComparison.Ordinal);
        Assert.Equal((PolicyAction.Suppressed, "cooldown"), (reopened.Outcome!.Decision.Action, reopened.Outcome.Decision.Suppression));
        Assert.Null(reopened.Promoted);
    }

    public void Dispose()
    {
        host.Dispose();
        folder.Dispose();
    }

    // v1: LightGBM on calm synthetic months (2021-01, validated on 2021-02), made champion by hand as at level 2.
    private async Task<int> ChampionAsync()
    {
        var result = await host.Services.GetRequiredService<TrainingPipelineRunner>().RunAsync(
            new TrainingPipelineOptions { Trials = 0, Candidates = [TrainerNames.LightGbm], Test = null, OutputDirectory = folder.File("runs") },
            gitCommit: null, progress: null, CancellationToken.None);
        Registry.SetAlias(Model, RegistryAliases.Champion, result.RegisteredVersion.Version, "first model", "test");
        return result.RegisteredVersion.Version;
    }

    private async Task WriteMonthAsync(string month, SyntheticScenario scenario)
    {
        var taxiMonth = TaxiMonth.Parse("green " + month);
        await new SyntheticMonthGenerator().WriteAsync(
            taxiMonth, Path.Combine(folder.File("data"), taxiMonth.FileName), new SyntheticMonthOptions { Rows = 50_000, Seed = 7, Scenario = scenario });
    }
}
