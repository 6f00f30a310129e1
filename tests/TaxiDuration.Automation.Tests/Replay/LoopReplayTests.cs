using Microsoft.Extensions.Options;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Automation.Replay;
using TaxiDuration.Data.Synthetic;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Tests.Replay;

/// <summary>The loop end to end on synthetic scenarios, recorded in a real SQLite store.</summary>
public sealed class LoopReplayTests : IDisposable
{
    private const int Rows = 36_000;
    private readonly TemporaryFolder folder = new();
    private readonly TrackingStore store;

    public LoopReplayTests() => store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = folder.File("tracking.db") });

    [Fact]
    public async Task Calm_months_trigger_nothing_and_every_window_is_a_tracked_run_with_its_reason()
    {
        var months = await ScenarioMonths.PrepareAsync(folder.Path, Rows,
            ("2021-01", SyntheticScenario.None), ("2021-02", SyntheticScenario.None), ("2021-03", SyntheticScenario.None));

        var result = await ReplayAsync(months);

        Assert.All(result.Months, month => Assert.NotEqual(PolicyAction.Retrain, month.Decision.Action));
        Assert.Equal(0, result.Policies[PolicyNames.Level4].Retrains);
        Assert.Equal(1, result.Policies[PolicyNames.Scheduled].Retrains);
        var runs = Runs();
        Assert.Equal(["monitor green 2021-02", "monitor green 2021-03"], runs.Select(run => run.Info.Name).Order());
        Assert.All(runs, run => Assert.False(string.IsNullOrWhiteSpace(run.Tags["explanation"])));
        Assert.All(result.Months, month => Assert.Equal("synthetic", month.Origin));
    }

    [Fact]
    public async Task A_lockdown_fires_the_performance_alarm_and_a_fresh_model_is_gated_promoted_and_serves_the_next_month()
    {
        var months = await ScenarioMonths.PrepareAsync(folder.Path, Rows,
            ("2021-01", SyntheticScenario.None), ("2021-02", SyntheticScenario.None), ("2021-03", SyntheticScenario.Lockdown), ("2021-04", SyntheticScenario.Lockdown));

        var metrics = folder.File("metrics/taxi_monitor.prom");

        var result = await ReplayAsync(months, metricsFile: metrics);

        var shift = result.Months.Single(month => month.Month == "green 2021-03");
        Assert.Equal((PolicyAction.Retrain, Trigger.Performance), (shift.Decision.Action, shift.Decision.Trigger));
        Assert.True(shift.Events.Any(happened => happened.StartsWith("promoted v2", StringComparison.Ordinal)), string.Join(" | ", shift.Events));
        Assert.StartsWith("v2", result.Months[^1].Champion, StringComparison.Ordinal);
        Assert.True(result.Months[^1].Rmse[PolicyNames.Level4] < result.Months[^1].Rmse[PolicyNames.Frozen] * 0.9);
        Assert.Equal(1, result.Policies[PolicyNames.Level4].Retrains);
        var recorded = Runs().Single(run => run.Info.Name == "monitor green 2021-03");
        Assert.Equal("Retrain", recorded.Tags["action"]);
        Assert.Contains("promoted v2", recorded.Tags["events"], StringComparison.Ordinal);
        var exposition = await File.ReadAllLinesAsync(metrics);
        Assert.Contains("taxi_loop_promotions_total 1", exposition);
        Assert.Contains("taxi_loop_decisions_total{decision=\"retrain\"} 1", exposition);
        Assert.Contains($"taxi_monitor_rmse_ratio {result.Months[^1].Drift.Performance!.RmseRatio:R}", exposition);
    }

    [PromtoolFact]
    public async Task The_loops_metrics_file_is_valid_Prometheus_exposition()
    {
        var months = await ScenarioMonths.PrepareAsync(folder.Path, 8_000, ("2021-01", SyntheticScenario.None), ("2021-02", SyntheticScenario.ZoneShift));
        var metrics = folder.File("metrics/taxi_monitor.prom");

        await ReplayAsync(months, metricsFile: metrics);
        var (exitCode, output) = await Promtool.RunAsync(folder.Path, await File.ReadAllTextAsync(metrics), "check", "metrics");

        Assert.True(exitCode == 0, output);
        Assert.Contains("taxi_monitor_feature_drift_ratio{feature=\"pickup_zone\"}", await File.ReadAllTextAsync(metrics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retrain_the_gate_finds_worse_is_rejected_and_the_champion_stays()
    {
        var months = await ScenarioMonths.PrepareAsync(folder.Path, Rows,
            ("2021-01", SyntheticScenario.None), ("2021-02", SyntheticScenario.None), ("2021-03", SyntheticScenario.None));
        // The champion is old before it starts, so the policy retrains on calm data; a gate that demands a 30 % gain
        // (more data of the same city buys a few per cent) turns every candidate down.
        var policy = new RetrainPolicyOptions { MaximumChampionAgeWindows = 1 };

        var result = await ReplayAsync(months, policy, new GateOptions { MinimumRelativeImprovement = 0.3 });

        var retrained = result.Months.Where(month => month.Decision.Action == PolicyAction.Retrain).ToArray();
        Assert.NotEmpty(retrained);
        Assert.All(retrained, month => Assert.Contains(month.Events, happened => happened.StartsWith("gate kept the champion", StringComparison.Ordinal)));
        Assert.All(result.Months, month => Assert.StartsWith("v1", month.Champion, StringComparison.Ordinal));
        Assert.Equal(0, result.Policies[PolicyNames.Level4].Retrains);
    }

    [Fact]
    public async Task A_zone_shift_drifts_the_zone_columns_and_after_two_windows_the_loop_retrains()
    {
        var months = await ScenarioMonths.PrepareAsync(folder.Path, Rows,
            ("2021-01", SyntheticScenario.None), ("2021-02", SyntheticScenario.ZoneShift), ("2021-03", SyntheticScenario.ZoneShift));

        // The performance alarm out of the way: the pair-prior model loses accuracy on shifted zones too, and the
        // alarm outranks drift; this test is about drift's own hysteresis.
        var result = await ReplayAsync(months, drift: new DriftOptions { RmseRatioAlert = 100 });

        var first = result.Months[0];
        Assert.True(first.Drift.Features.Single(feature => feature.Feature == DriftAnalyzer.PickupZone).Drifted);
        Assert.Equal((PolicyAction.Suppressed, "hysteresis"), (first.Decision.Action, first.Decision.Suppression));
        Assert.Equal((PolicyAction.Retrain, Trigger.Drift), (result.Months[1].Decision.Action, result.Months[1].Decision.Trigger));
    }

    [RealDataFact("2020-03", "2020-04", "2020-08")]
    public async Task On_real_months_the_COVID_lockdown_is_a_drift_breach_in_2020_04_and_a_retrain_once_it_persists()
    {
        var months = await ScenarioMonths.RealAsync(RealData.Directory!, "2020-03", "2020-04", "2020-08");

        var result = await ReplayAsync(months);

        var lockdown = result.Months[0];
        Assert.True(lockdown.Drift.DatasetDrift, $"drifted share {lockdown.Drift.DriftedShare}");
        Assert.Equal((PolicyAction.Suppressed, Trigger.Drift, "hysteresis"), (lockdown.Decision.Action, lockdown.Decision.Trigger, lockdown.Decision.Suppression));
        Assert.Equal((PolicyAction.Retrain, Trigger.Drift), (result.Months[1].Decision.Action, result.Months[1].Decision.Trigger));
        Assert.All(result.Months, month => Assert.Equal("real", month.Origin));
    }

    [RealDataFact("2023-02", "2023-03", "2025-01")]
    public async Task On_real_months_the_2025_congestion_fee_column_is_a_schema_change_that_retrains()
    {
        var months = await ScenarioMonths.RealAsync(RealData.Directory!, "2023-02", "2023-03", "2025-01");

        var result = await ReplayAsync(months);

        var congestion = result.Months[^1];
        Assert.Equal(["cbd_congestion_fee"], congestion.Drift.Quality.AddedColumns);
        Assert.Equal((PolicyAction.Retrain, Trigger.Schema), (congestion.Decision.Action, congestion.Decision.Trigger));
        Assert.False(result.Months[0].Drift.Quality.SchemaChanged);
    }

    public void Dispose() => folder.Dispose();

    private Task<LoopReplayResult> ReplayAsync(
        IReadOnlyList<ReplayMonth> months, RetrainPolicyOptions? policy = null, GateOptions? gate = null, string? metricsFile = null, DriftOptions? drift = null)
    {
        var replayer = new LoopReplayer(
            preparation: null!, new LoopTracking(store.Tracker), Options.Create(gate ?? new GateOptions()), Options.Create(drift ?? new DriftOptions()), Options.Create(policy ?? new RetrainPolicyOptions()));
        var options = new LoopReplayOptions { Months = [.. months.Select(month => month.Prepared.File.Month)], MetricsFile = metricsFile };
        return replayer.ReplayAsync(options, months, TimeSpan.Zero, progress: null, CancellationToken.None);
    }

    private IReadOnlyList<Run> Runs()
    {
        var experiment = store.Tracker.GetExperimentByName(LoopTracking.ExperimentName)!;
        return store.Tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId] });
    }
}
