using System.Text.Json;
using Microsoft.Extensions.Options;
using TaxiDuration.Automation.Alerts;
using TaxiDuration.Automation.Metrics;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Automation.Replay;
using TaxiDuration.Deployment;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Model;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Preparation;
using TaxiDuration.TrainingPipeline;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Cycle;

/// <summary>
/// One cycle of level 4 in production: the registry's champion is monitored on the newest labelled month against its
/// reference profile; the policy (its state carried from the last cycle's tracked run) decides; on a retrain the
/// winner of the gate is registered and promoted with a compare-and-set, and running level-3 services hot-reload it.
/// </summary>
public sealed class MonitorCycle(
    MonthPreparation preparation,
    RegisteredModelLoader loader,
    IModelRegistry registry,
    IExperimentTracker tracker,
    LoopTracking tracking,
    LoopRegistration registration,
    IOptions<GateOptions> gateOptions,
    IOptions<DriftOptions> driftOptions,
    IOptions<RetrainPolicyOptions> policyOptions,
    IOptions<MonitorCycleOptions> options,
    IHttpClientFactory httpClients)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly LoopReplayOptions loop = new() { Months = [] };

    // One file writer for the worker's life: its counters add up across cycles (a restart resets them, as Prometheus expects of counters).
    private readonly MonitoringMetricsFile metrics = new(options.Value.MetricsFile);

    /// <param name="months">Labelled months available, oldest first; the newest is the window, the ones before feed the probe and the expanding candidate.</param>
    public async Task<CycleResult> RunAsync(IReadOnlyList<TaxiMonth> months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count < 2)
        {
            throw new ArgumentException($"A cycle needs the newest labelled month and the one before it; {months.Count} available.", nameof(months));
        }

        // A cycle killed mid-retrain left its run RUNNING (and nothing else: a version and a promotion are single
        // transactions). Settle it first, so the store says what happened; this window is then looked at again.
        var settled = tracker.RecoverAbandonedRuns();
        var model = options.Value.ModelName;
        var steps = new LoopSteps(loop, gateOptions.Value, driftOptions.Value);
        var champion = registry.GetModelVersionByAlias(model, RegistryAliases.Champion);
        var window = months[^1].ToString();
        if (AlreadyMonitored(window))
        {
            return new CycleResult($"{window} was already monitored (champion now {champion.Uri}): nothing new until the next month lands.", null, null);
        }

        var transformer = loader.Load(steps.Fitter.Context, ModelUri.ForVersion(model, champion.Version)).Model.Transformer;
        var profile = ReferenceProfile.Load(tracker.GetVerifiedArtifactFile(champion.RunId, champion.Tags.GetValueOrDefault(TrainingPipelineRunner.ProfileTag, TrainingPipelineRunner.ProfileArtifactPath)));
        var current = await PrepareAsync(months[^1], cancellationToken);
        var earlier = new List<ReplayMonth>();
        foreach (var month in months.SkipLast(1).TakeLast(loop.ExpandingWindowMonths - 1))
        {
            earlier.Add(await PrepareAsync(month, cancellationToken));
        }

        var reference = await PrepareAsync(TaxiMonth.Parse(profile.Month), cancellationToken);
        var compute = new ComputeMeter();
        var predicted = steps.Fitter.Predict(transformer, current.Examples);
        var drift = steps.Monitor(profile, reference, current, predicted);
        var freshness = steps.FreshnessProbe(earlier[^1], current, transformer, predicted, compute);
        var policy = new RetrainPolicy(policyOptions.Value);
        var decision = policy.Decide(LastState(), new WindowSignals(
            current.Name, current.Examples.Count, drift.DriftScore, drift.Quality.SchemaChanged, drift.Performance!.Alarm, freshness, drift.Performance.RmseRatio));
        var state = decision.Next;
        var events = new List<string>();
        ModelVersion? promoted = null;
        if (decision.Action == PolicyAction.Retrain)
        {
            // One tracked run from the first fit to the promotion: a cycle killed on the way leaves it RUNNING.
            (var retrained, promoted) = registration.Track($"retrain {current.Name}", run =>
            {
                var outcome = steps.Retrain(current, earlier, transformer, compute);
                return (outcome, outcome.Winner is { } winner ? Promote(run, champion, winner, outcome, steps.Fitter, current) : null);
            });
            events.Add(promoted is null ? retrained.Summary : $"promoted {promoted.Uri}: {retrained.Summary}");
            state = policy.AfterRetrain(state, promoted is not null);
        }

        var outcome = new MonthOutcome(
            current.Name, current.Origin, current.Examples.Count, new Dictionary<string, double> { [PolicyNames.Level4] = drift.Performance.Rmse },
            champion.Uri, drift, freshness, decision, events);
        tracking.Record(outcome, (promoted ?? champion).Uri, JsonSerializer.Serialize(state, Json));
        await ReportAsync(outcome, cancellationToken);
        var recovered = settled.Count == 0 ? "" : $" (first settled {settled.Count} abandoned run(s): {string.Join(", ", settled.Select(run => run.Name))})";
        return new CycleResult(
            $"{current.Name}: {decision.Action.ToString().ToLowerInvariant()} — {decision.Explanation}{string.Concat(events.Select(e => $"; {e}"))}{recovered}", outcome, promoted);
    }

    // The gate's winner becomes a registered version with its model, profile and the months it saw, then champion if
    // champion still points where this cycle read it (a person or another loop promoting meanwhile wins).
    private ModelVersion Promote(string runId, ModelVersion champion, RetrainedCandidate winner, RetrainOutcome retrained, ModelFitter fitter, ReplayMonth window)
    {
        var decision = retrained.DecisionFor(winner);
        var model = fitter.Describe(winner.Window, winner.Model, window.Name, retrained.Holdout.Examples, winner.Months);
        var version = registration.Register(
            runId, champion.ModelName, model, fitter, $"level-4 loop ({winner.Window}: {winner.TrainedOn})",
            new Dictionary<string, double> { ["gate_rmse"] = decision.Inputs.ChallengerRmse });
        var recorded = registry.RecordDecision(
            champion.ModelName, version.Version, champion.Version, $"{window.Name} (days {loop.HoldoutFromDay}+)", decision, LoopRegistration.Actor);
        return registry.PromoteOnDecision(recorded, LoopRegistration.Actor, judgedOn: window.Name);
    }

    private async Task ReportAsync(MonthOutcome outcome, CancellationToken cancellationToken)
    {
        metrics.Write(outcome, DateTimeOffset.UtcNow);
        if (options.Value.Webhook is { } endpoint)
        {
            using var http = httpClients.CreateClient(nameof(MonitorCycle));
            await new WebhookAlertSink(http, endpoint).NotifyAsync(outcome, cancellationToken);
        }
    }

    private async Task<ReplayMonth> PrepareAsync(TaxiMonth month, CancellationToken cancellationToken) =>
        (await ReplayMonth.PrepareAsync(preparation, "monitor", month, cancellationToken)).Month;

    private IReadOnlyList<Run> MonitorRuns()
    {
        var experiment = tracker.GetExperimentByName(LoopTracking.ExperimentName);
        return experiment is null
            ? []
            : [.. tracker.SearchRuns(new RunQuery { ExperimentIds = [experiment.ExperimentId], Status = RunStatus.Finished })
                .Where(run => run.Params.ContainsKey("window"))
                .OrderBy(run => run.Info.StartTime)];
    }

    // A window is looked at once: a champion promoted on it was gated on its last days, so only a new month says more.
    private bool AlreadyMonitored(string window) => MonitorRuns().Any(run => run.Params["window"] == window);

    // The policy remembers across cycles through the last monitoring run (cooldowns, drift streaks, new labels).
    private PolicyState LastState() =>
        MonitorRuns().LastOrDefault()?.Tags.GetValueOrDefault(LoopTracking.PolicyStateTag) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<PolicyState>(json, Json) ?? PolicyState.Initial
            : PolicyState.Initial;
}
