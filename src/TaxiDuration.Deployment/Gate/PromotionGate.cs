namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// Level 3's promotion gate: decides whether a challenger replaces the champion (or, with no champion, whether a
/// first model may be served) from both models' scores on a labelled month neither saw. Pure and deterministic:
/// the same scores and options always give the same decision, so a verdict can be re-derived and audited.
/// </summary>
public sealed class PromotionGate
{
    private readonly GateOptions options;

    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public PromotionGate(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <summary>
    /// Evaluates every rule (even after one fails, so the report shows all figures) and promotes only when all
    /// pass. A champion exists: sanity, trips, improvement, bootstrap, slices, cost. First model: sanity, trips,
    /// absolute RMSE ceiling, mean baseline.
    /// </summary>
    public GateDecision Evaluate(PairedScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var month = MonthFigures.From(scores, options);
        var slices = SliceTable.Build(scores, options);
        var rules = new List<GateRule>
        {
            CommonRules.PredictionSanity(scores, month, options),
            CommonRules.MinimumTrips(month, options),
        };

        int days;
        if (scores.Champion is { } champion)
        {
            var blocks = DayBlocks.From(scores.Trips);
            days = blocks.Days.Count;
            rules.Add(ChallengerRules.RelativeImprovement(month, options));
            rules.Add(ChallengerRules.BootstrapLowerBound(blocks, options));
            rules.Add(ChallengerRules.SliceRatio(slices, options));
            rules.Add(ChallengerRules.ScoringCost(scores.Challenger, champion, options));
        }
        else
        {
            days = scores.Trips.Select(trip => DateOnly.FromDateTime(trip.PickupTime)).Distinct().Count();
            rules.Add(FirstModelRules.AbsoluteRmse(month, options));
            rules.Add(FirstModelRules.BeatsMeanBaseline(month));
        }

        var (verdict, reason) = GateReason.Decide(rules, scores.Champion is not null);
        var inputs = new GateInputs(
            scores.Month, scores.Challenger, scores.Champion, month.Trips, days, month.ChallengerRmse, month.ChampionRmse, month.MeanBaselineRmse);
        return new GateDecision(verdict, reason, inputs, rules, slices);
    }
}
