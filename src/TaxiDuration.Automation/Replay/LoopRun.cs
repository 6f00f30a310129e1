using Microsoft.ML;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Profiles;

namespace TaxiDuration.Automation.Replay;

/// <summary>The state of one replay as it walks the months: each policy's serving model and the loop's memory.</summary>
internal sealed class LoopRun
{
    private readonly LoopReplayOptions options;
    private readonly IReadOnlyList<ReplayMonth> months;
    private readonly IReadOnlyDictionary<string, ReplayMonth> byName;
    private readonly LoopTracking tracking;
    private readonly IChampionDeployment deployment;
    private readonly LoopSteps steps;
    private readonly ModelFitter fitter;
    private readonly RetrainPolicy policy;
    private readonly RollbackWatch watch;
    private readonly int watchWindows;
    private readonly Dictionary<string, int> retrains = PolicyNames.All.ToDictionary(name => name, _ => 0, StringComparer.Ordinal);
    private PolicyState state = PolicyState.Initial;
    private ReplayModel champion;
    private ReplayModel? previous;
    private int windowsSincePromotion;
    private ITransformer scheduled;
    private int versions = 1;

    public LoopRun(
        LoopReplayOptions options,
        IReadOnlyList<ReplayMonth> months,
        GateOptions gateOptions,
        DriftOptions driftOptions,
        RetrainPolicyOptions policyOptions,
        LoopTracking tracking,
        Func<ModelFitter, IChampionDeployment> deploy)
    {
        this.options = options;
        this.months = months;
        this.tracking = tracking;
        byName = months.ToDictionary(month => month.Name, StringComparer.Ordinal);
        steps = new LoopSteps(options, gateOptions, driftOptions);
        fitter = steps.Fitter;
        deployment = deploy(fitter);
        policy = new RetrainPolicy(policyOptions);
        watch = new RollbackWatch(policyOptions);
        watchWindows = policyOptions.WatchWindows;
        Compute = PolicyNames.All.ToDictionary(name => name, _ => new ComputeMeter(), StringComparer.Ordinal);

        // Every policy starts from the same model: fitted on the first month's early days, profiled on its last days.
        var first = months[0];
        var initialCompute = new ComputeMeter();
        var model = fitter.Fit(first.Before(options.HoldoutFromDay), initialCompute);
        Initial = fitter.Describe($"v1 ({first.Name})", model, first.Name, first.Holdout(options.HoldoutFromDay).Examples, [first.Name]);
        champion = Initial;
        scheduled = model;
        foreach (var meter in Compute.Values.Where(meter => meter != Compute[PolicyNames.Oracle]))
        {
            meter.Add(initialCompute.Total);
        }
    }

    public ReplayModel Initial { get; }

    public IReadOnlyDictionary<string, ComputeMeter> Compute { get; }

    public int Retrains(string policyName) => retrains[policyName];

    /// <summary>Puts the initial champion where the level-4 policy's traffic goes.</summary>
    public Task<string?> DeployInitialAsync(CancellationToken cancellationToken) =>
        deployment.DeployAsync(new ChampionChange(Initial, months[0].Name, LoopSteps.Text($"level-4 replay: initial champion {Initial.Name}")), cancellationToken);

    /// <summary>Serves month <paramref name="index"/> under every policy, then lets the loop act on its labels.</summary>
    public async Task<MonthOutcome> ServeAsync(int index, CancellationToken cancellationToken)
    {
        var month = months[index];
        var actual = month.Examples.Select(example => example.Duration).ToArray();
        var served = champion;
        var events = new List<string>();
        var answered = await deployment.ServeAsync(champion, month, cancellationToken);
        var championPredicted = answered.Predictions;
        AddNote(events, answered.Note);
        var oracle = fitter.Fit(month.Examples, Compute[PolicyNames.Oracle]);
        var rmse = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [PolicyNames.Frozen] = Rmse(actual, fitter.Predict(Initial.Model, month.Examples)),
            [PolicyNames.Scheduled] = Rmse(actual, fitter.Predict(scheduled, month.Examples)),
            [PolicyNames.Level4] = Rmse(actual, championPredicted),
            [PolicyNames.Oracle] = Rmse(actual, fitter.Predict(oracle, month.Examples)),
        };

        if (WatchForRollback(month, actual, rmse[PolicyNames.Level4]) is { } rollback)
        {
            events.Add(rollback);
            AddNote(events, await deployment.DeployAsync(new ChampionChange(champion, month.Name, $"loop on {month.Name}: {rollback}"), cancellationToken));
            championPredicted = fitter.Predict(champion.Model, month.Examples);
        }

        var drift = steps.Monitor(champion.Profile, byName[champion.Profile.Month], month, championPredicted);
        var freshness = steps.FreshnessProbe(months[index - 1], month, champion.Model, championPredicted, Compute[PolicyNames.Level4]);
        var decision = policy.Decide(state, new WindowSignals(
            month.Name, month.Examples.Count, drift.DriftScore, drift.Quality.SchemaChanged, drift.Performance!.Alarm, freshness, drift.Performance.RmseRatio));
        state = decision.Next;
        if (decision.Action == PolicyAction.Retrain)
        {
            events.AddRange(await RetrainAsync(index, cancellationToken));
        }

        if (index < months.Count - 1)
        {
            scheduled = fitter.Fit(month.Examples, Compute[PolicyNames.Scheduled]);
            retrains[PolicyNames.Scheduled]++;
        }

        var outcome = new MonthOutcome(month.Name, month.Origin, month.Examples.Count, rmse, served.Name, drift, freshness, decision, events);
        tracking.Record(outcome, champion.Name);
        return outcome;
    }

    // During the watch the previous champion scores in shadow; a new champion worse than it is rolled back.
    private string? WatchForRollback(ReplayMonth month, float[] actual, double championRmse)
    {
        if (previous is null)
        {
            return null;
        }

        windowsSincePromotion++;
        var previousRmse = Rmse(actual, fitter.Predict(previous.Model, month.Examples));
        var reason = watch.Judge(championRmse, previousRmse, windowsSincePromotion);
        if (reason is null)
        {
            if (windowsSincePromotion >= watchWindows)
            {
                previous = null;
            }

            return null;
        }

        var text = $"rolled back {champion.Name} → {previous.Name}: {reason}";
        champion = previous;
        previous = null;
        return text;
    }

    private async Task<IReadOnlyList<string>> RetrainAsync(int index, CancellationToken cancellationToken)
    {
        var month = months[index];
        var earlier = months.Take(index).TakeLast(options.ExpandingWindowMonths - 1).ToArray();
        var retrained = steps.Retrain(month, earlier, champion.Model, Compute[PolicyNames.Level4]);
        if (retrained.Winner is not { } winner)
        {
            state = policy.AfterRetrain(state, promoted: false);
            return [retrained.Summary];
        }

        versions++;
        retrains[PolicyNames.Level4]++;
        previous = champion;
        windowsSincePromotion = 0;
        champion = fitter.Describe(
            LoopSteps.Text($"v{versions} ({winner.Window}: {winner.TrainedOn})"), winner.Model, month.Name, retrained.Holdout.Examples, winner.Months);
        state = policy.AfterRetrain(state, promoted: true);
        var promoted = LoopSteps.Text($"promoted {champion.Name}: {retrained.Summary}");
        var deployed = await deployment.DeployAsync(new ChampionChange(champion, month.Name, $"loop on {month.Name}: {retrained.Summary}", retrained.DecisionFor(winner)), cancellationToken);
        return deployed is null ? [promoted] : [promoted, deployed];
    }

    private static void AddNote(List<string> events, string? note)
    {
        if (note is not null)
        {
            events.Add(note);
        }
    }

    private static double Rmse(float[] actual, float[] predicted) => ProfileMetrics.Compute(actual, predicted)[ProfileMetrics.Rmse];
}
