using System.Globalization;
using Microsoft.ML;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Deployment;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Features;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Training.Evaluation;

namespace TaxiDuration.Automation.Replay;

/// <summary>The state of one replay as it walks the months: each policy's serving model and the loop's memory.</summary>
internal sealed class LoopRun
{
    private readonly LoopReplayOptions options;
    private readonly IReadOnlyList<ReplayMonth> months;
    private readonly IReadOnlyDictionary<string, ReplayMonth> byName;
    private readonly LoopTracking tracking;
    private readonly ModelFitter fitter;
    private readonly ModelFitter linear = ModelFitter.Linear();
    private readonly PromotionGate gate;
    private readonly DriftAnalyzer analyzer;
    private readonly DriftOptions driftOptions;
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
        LoopReplayOptions options, IReadOnlyList<ReplayMonth> months, GateOptions gateOptions, DriftOptions driftOptions, RetrainPolicyOptions policyOptions, LoopTracking tracking)
    {
        this.options = options;
        this.months = months;
        this.tracking = tracking;
        this.driftOptions = driftOptions;
        byName = months.ToDictionary(month => month.Name, StringComparer.Ordinal);
        fitter = new ModelFitter(options.Trainer, options.Parameters);
        gate = new PromotionGate(gateOptions);
        analyzer = new DriftAnalyzer(driftOptions);
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

    /// <summary>Serves month <paramref name="index"/> under every policy, then lets the loop act on its labels.</summary>
    public MonthOutcome Serve(int index)
    {
        var month = months[index];
        var actual = month.Examples.Select(example => example.Duration).ToArray();
        var served = champion;
        var championPredicted = fitter.Predict(champion.Model, month.Examples);
        var oracle = fitter.Fit(month.Examples, Compute[PolicyNames.Oracle]);
        var rmse = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [PolicyNames.Frozen] = Rmse(actual, fitter.Predict(Initial.Model, month.Examples)),
            [PolicyNames.Scheduled] = Rmse(actual, fitter.Predict(scheduled, month.Examples)),
            [PolicyNames.Level4] = Rmse(actual, championPredicted),
            [PolicyNames.Oracle] = Rmse(actual, fitter.Predict(oracle, month.Examples)),
        };
        var events = new List<string>();
        if (WatchForRollback(month, actual, rmse[PolicyNames.Level4]) is { } rollback)
        {
            events.Add(rollback);
            championPredicted = fitter.Predict(champion.Model, month.Examples);
        }

        var drift = Monitor(month, championPredicted);
        var freshness = FreshnessProbe(index, championPredicted);
        var decision = policy.Decide(state, new WindowSignals(
            month.Name, month.Examples.Count, drift.DriftScore, drift.Quality.SchemaChanged, drift.Performance!.Alarm, freshness, drift.Performance.RmseRatio));
        state = decision.Next;
        if (decision.Action == PolicyAction.Retrain)
        {
            events.Add(Retrain(index));
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

    private DriftReport Monitor(ReplayMonth month, float[] championPredicted)
    {
        var reference = byName[champion.Profile.Month];
        var quality = DataQuality.Compare(
            reference.Columns, month.Columns, month.Examples.Count, reference.Examples.Count, month.Prepared.Validation.RejectedShare, driftOptions);
        return analyzer.Analyze(month.Name, champion.Profile, WindowSample.From(month.Examples, championPredicted), quality, labelled: true);
    }

    // The strongest cheap signal: a linear model fitted on the previous month beats the champion on this one by the
    // gate's own rules, so a retrain is all but sure to pay.
    private bool FreshnessProbe(int index, float[] championPredicted)
    {
        var month = months[index];
        var probe = linear.Fit(months[index - 1].Examples, Compute[PolicyNames.Level4]);
        return Judge(month, probe, linear, championPredicted).Verdict == GateVerdict.Promote;
    }

    // Two candidates trained on what was known before the month's last days: its first weeks alone (sliding) and
    // the previous months with them (expanding). The gate judges each against the champion on those last days, trips
    // neither model has seen; the best that passes is promoted and serves the next month.
    private string Retrain(int index)
    {
        var month = months[index];
        var cut = options.HoldoutFromDay;
        var recent = month.Before(cut);
        var earlier = months.Take(index).TakeLast(options.ExpandingWindowMonths - 1).ToArray();
        var holdout = month.Holdout(cut);
        var trainedOn = $"{Short(month.Name)} days 1–{cut - 1}";
        var candidates = new List<(string Window, ITransformer Model, string TrainedOn)>
        {
            ("sliding", fitter.Fit(recent, Compute[PolicyNames.Level4]), trainedOn),
            ("expanding", fitter.Fit([.. earlier.SelectMany(m => m.Examples), .. recent], Compute[PolicyNames.Level4]),
                string.Join("+", earlier.Select(m => Short(m.Name)).Append(trainedOn))),
        };

        var championPredicted = fitter.Predict(champion.Model, holdout.Examples);
        var judged = candidates.Select(candidate => (candidate, Decision: Judge(holdout, candidate.Model, fitter, championPredicted))).ToArray();
        var winner = judged.Where(item => item.Decision.Verdict == GateVerdict.Promote).OrderBy(item => item.Decision.Inputs.ChallengerRmse).FirstOrDefault();
        if (winner.candidate.Model is null)
        {
            state = policy.AfterRetrain(state, promoted: false);
            return "gate kept the champion: " + string.Join("; ", judged.Select(item => $"{item.candidate.Window}: {item.Decision.Reason}"));
        }

        versions++;
        retrains[PolicyNames.Level4]++;
        previous = champion;
        windowsSincePromotion = 0;
        champion = fitter.Describe(
            Text($"v{versions} ({winner.candidate.Window}: {winner.candidate.TrainedOn})"), winner.candidate.Model, month.Name, holdout.Examples, [winner.candidate.TrainedOn]);
        state = policy.AfterRetrain(state, promoted: true);
        return Text($"promoted {champion.Name}: {winner.Decision.Reason}");
    }

    private static string Short(string month) => month[^7..];

    private GateDecision Judge(ReplayMonth month, ITransformer challenger, ModelFitter challengerFitter, float[] championPredicted)
    {
        var predicted = challengerFitter.Predict(challenger, month.Examples);
        return gate.Evaluate(new PairedScores(
            month.Name,
            new ScoredModel("challenger", ScoringCost.SecondsPerRow(challengerFitter.Context, challenger, month.Examples)),
            new ScoredModel(champion.Name, ScoringCost.SecondsPerRow(fitter.Context, champion.Model, month.Examples)),
            PairedMonth.Trips(month.Prepared, predicted, championPredicted)));
    }

    private static double Rmse(float[] actual, float[] predicted) => ProfileMetrics.Compute(actual, predicted)[ProfileMetrics.Rmse];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
