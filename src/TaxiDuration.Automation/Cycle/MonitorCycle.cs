using System.Text.Json;
using Microsoft.Extensions.Options;
using TaxiDuration.Automation.Alerts;
using TaxiDuration.Automation.Metrics;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Automation.Replay;
using TaxiDuration.Data.Reading;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Features;
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
            var retrained = steps.Retrain(current, earlier, transformer, compute);
            if (retrained.Winner is { } winner)
            {
                promoted = Promote(champion, winner, retrained, steps.Fitter, current);
                events.Add($"promoted {promoted.Uri}: {retrained.Summary}");
            }
            else
            {
                events.Add(retrained.Summary);
            }

            state = policy.AfterRetrain(state, promoted is not null);
        }

        var outcome = new MonthOutcome(
            current.Name, current.Origin, current.Examples.Count, new Dictionary<string, double> { [PolicyNames.Level4] = drift.Performance.Rmse },
            champion.Uri, drift, freshness, decision, events);
        tracking.Record(outcome, (promoted ?? champion).Uri, JsonSerializer.Serialize(state, Json));
        await ReportAsync(outcome, cancellationToken);
        return new CycleResult($"{current.Name}: {decision.Action.ToString().ToLowerInvariant()} — {decision.Explanation}{string.Concat(events.Select(e => $"; {e}"))}", outcome, promoted);
    }

    // The gate's winner becomes a registered version with its model, profile and the months it saw, then champion if
    // champion still points where this cycle read it (a person or another loop promoting meanwhile wins).
    private ModelVersion Promote(ModelVersion champion, RetrainedCandidate winner, RetrainOutcome retrained, ModelFitter fitter, ReplayMonth window)
    {
        var experiment = tracker.GetOrCreateExperiment(LoopTracking.ExperimentName);
        var run = tracker.CreateRun(new NewRun(experiment.ExperimentId, $"retrain {window.Name} ({winner.Window})"));
        var folder = Directory.CreateTempSubdirectory("taxi-loop-").FullName;
        try
        {
            var decision = retrained.Judged.Single(item => item.Candidate == winner).Decision;
            var metrics = new Dictionary<string, double> { ["gate_rmse"] = decision.Inputs.ChallengerRmse };
            var modelPath = Path.Combine(folder, "model.zip");
            var schema = fitter.Context.Data.LoadFromEnumerable(Array.Empty<TripExample>()).Schema;
            ModelFile.Save(fitter.Context, winner.Model, schema, new ModelMetadata(run.RunId, winner.Months, fitter.FeatureSet, fitter.Trainer, metrics, DateTimeOffset.UtcNow), modelPath);
            tracker.LogArtifact(run.RunId, modelPath, TrainingPipelineRunner.ModelArtifactPath);
            var profilePath = Path.Combine(folder, ReferenceProfile.FileName);
            ReferenceProfile.Create(window.Name, retrained.Holdout.Examples, fitter.Predict(winner.Model, retrained.Holdout.Examples)).Save(profilePath);
            tracker.LogArtifact(run.RunId, profilePath, TrainingPipelineRunner.ProfileArtifactPath);
            var version = registry.CreateModelVersion(new NewModelVersion(champion.ModelName, run.RunId, TrainingPipelineRunner.ModelArtifactPath, fitter.FeatureSet)
            {
                Metrics = metrics,
                DataMonths = winner.Months,
                Tags = new Dictionary<string, string>
                {
                    ["trainer"] = fitter.Trainer,
                    ["trained_by"] = $"level-4 loop ({winner.Window}: {winner.TrainedOn})",
                    [TrainingPipelineRunner.ProfileTag] = TrainingPipelineRunner.ProfileArtifactPath,
                },
            });
            var recorded = registry.RecordDecision(new NewDeploymentDecision(
                champion.ModelName, version.Version, champion.Version, $"{window.Name} (days {loop.HoldoutFromDay}+)", decision.Verdict.ToString(), decision.Reason,
                JsonSerializer.Serialize(decision, Json), "loop"));
            var promoted = registry.PromoteChampion(
                champion.ModelName, version.Version, $"loop decision #{recorded.Sequence} on {window.Name}: {decision.Reason}", "loop", AliasPrecondition.PointsAt(champion.Version));
            tracker.UpdateRun(run.RunId, RunStatus.Finished);
            return promoted;
        }
        catch
        {
            tracker.UpdateRun(run.RunId, RunStatus.Failed);
            throw;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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

    private async Task<ReplayMonth> PrepareAsync(TaxiMonth month, CancellationToken cancellationToken)
    {
        var prepared = await preparation.PrepareAsync("monitor", month, cancellationToken);
        var info = await new TlcTripReader().InspectAsync(prepared.File.Path, cancellationToken);
        return new ReplayMonth(prepared, info.Columns);
    }

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
