using System.Globalization;
using Microsoft.ML;
using TaxiDuration.Deployment;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Training.Evaluation;

namespace TaxiDuration.Automation.Replay;

/// <summary>A retrain's outcome: the candidate the gate promoted (null when it kept the champion) and every verdict.</summary>
/// <param name="Holdout">The trips the gate judged on; the winner's reference profile is taken there.</param>
public sealed record RetrainOutcome(RetrainedCandidate? Winner, IReadOnlyList<(RetrainedCandidate Candidate, GateDecision Decision)> Judged, ReplayMonth Holdout)
{
    public string Summary => Winner is { } winner
        ? $"{winner.Window}: {DecisionFor(winner).Reason}"
        : "gate kept the champion: " + string.Join("; ", Judged.Select(item => $"{item.Candidate.Window}: {item.Decision.Reason}"));

    /// <summary>The gate's decision on <paramref name="candidate"/>.</summary>
    public GateDecision DecisionFor(RetrainedCandidate candidate) => Judged.Single(item => item.Candidate == candidate).Decision;
}

/// <summary>A retrained model and the data it saw.</summary>
public sealed record RetrainedCandidate(string Window, ITransformer Model, string TrainedOn, IReadOnlyList<string> Months);

/// <summary>
/// The loop's steps, shared by the replay and the scheduled monitor: monitor a window against the champion's
/// profile, probe freshness, retrain a sliding and an expanding candidate and let the gate choose.
/// </summary>
public sealed class LoopSteps(LoopReplayOptions options, GateOptions gateOptions, DriftOptions driftOptions)
{
    private readonly PromotionGate gate = new(gateOptions);
    private readonly DriftAnalyzer analyzer = new(driftOptions);

    public ModelFitter Fitter { get; } = new(options.Trainer, options.Parameters);

    public ModelFitter Linear { get; } = ModelFitter.Linear();

    /// <summary>Drift, data quality and performance of <paramref name="month"/> against the champion's reference month.</summary>
    public DriftReport Monitor(ReferenceProfile profile, ReplayMonth reference, ReplayMonth month, float[] championPredicted)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(month);
        var quality = DataQuality.Compare(
            reference.Columns, month.Columns, month.Examples.Count, reference.Examples.Count, month.Prepared.Validation.RejectedShare, driftOptions);
        return analyzer.Analyze(month.Name, profile, WindowSample.From(month.Examples, championPredicted), quality, labelled: true);
    }

    /// <summary>
    /// The strongest cheap signal: a linear model fitted on the previous month beats the champion on this one by the
    /// gate's own rules, so a retrain is all but sure to pay.
    /// </summary>
    public bool FreshnessProbe(ReplayMonth previous, ReplayMonth month, ITransformer champion, float[] championPredicted, ComputeMeter compute)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var probe = Linear.Fit(previous.Examples, compute);
        return Judge(month, probe, Linear, champion, championPredicted).Verdict == GateVerdict.Promote;
    }

    /// <summary>
    /// Two candidates trained on what was known before the month's last days: its first weeks alone (sliding) and the
    /// <paramref name="earlier"/> months with them (expanding). The gate judges each against the champion on those last
    /// days, trips neither has seen; the best that passes wins.
    /// </summary>
    public RetrainOutcome Retrain(ReplayMonth month, IReadOnlyList<ReplayMonth> earlier, ITransformer champion, ComputeMeter compute)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(earlier);
        var cut = options.HoldoutFromDay;
        var recent = month.Before(cut);
        var holdout = month.Holdout(cut);
        var trainedOn = $"{Short(month.Name)} days 1–{cut - 1}";
        RetrainedCandidate[] candidates =
        [
            new("sliding", Fitter.Fit(recent, compute), trainedOn, [month.Name]),
            new("expanding", Fitter.Fit([.. earlier.SelectMany(m => m.Examples), .. recent], compute),
                string.Join("+", earlier.Select(m => Short(m.Name)).Append(trainedOn)), [.. earlier.Select(m => m.Name), month.Name]),
        ];

        var championPredicted = Fitter.Predict(champion, holdout.Examples);
        var judged = candidates.Select(candidate => (Candidate: candidate, Decision: Judge(holdout, candidate.Model, Fitter, champion, championPredicted))).ToArray();
        var winner = judged.Where(item => item.Decision.Verdict == GateVerdict.Promote).OrderBy(item => item.Decision.Inputs.ChallengerRmse).Select(item => item.Candidate).FirstOrDefault();
        return new RetrainOutcome(winner, judged, holdout);
    }

    private GateDecision Judge(ReplayMonth month, ITransformer challenger, ModelFitter challengerFitter, ITransformer champion, float[] championPredicted)
    {
        var predicted = challengerFitter.Predict(challenger, month.Examples);
        return gate.Evaluate(new PairedScores(
            month.Name,
            new ScoredModel("challenger", ScoringCost.SecondsPerRow(challengerFitter.Context, challenger, month.Examples)),
            new ScoredModel("champion", ScoringCost.SecondsPerRow(Fitter.Context, champion, month.Examples)),
            PairedMonth.Trips(month.Prepared, predicted, championPredicted)));
    }

    private static string Short(string month) => month[^7..];

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
