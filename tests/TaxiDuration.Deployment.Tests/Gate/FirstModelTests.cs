using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>No champion yet: a first model is served only if it is sane, judged on enough trips, and actually useful.</summary>
public sealed class FirstModelTests
{
    private static readonly PromotionGate Gate = new(new GateOptions());

    [Fact]
    public void A_sane_useful_first_model_is_promoted_on_first_model_rules_only()
    {
        var decision = Gate.Evaluate(Trips.FirstModel(SyntheticMonth.Generate()));

        Assert.Equal(GateVerdict.Promote, decision.Verdict);
        Assert.Equal(
            [GateRuleNames.PredictionSanity, GateRuleNames.MinimumTrips, GateRuleNames.AbsoluteRmse, GateRuleNames.BeatsMeanBaseline],
            decision.Rules.Select(rule => rule.Name));
        Assert.StartsWith("Promote the first model: RMSE ", decision.Reason, StringComparison.Ordinal);
        Assert.Null(decision.Inputs.Champion);
        Assert.All(decision.Slices, slice => Assert.False(slice.Checked));
    }

    [Fact]
    public void A_first_model_no_better_than_the_mean_is_rejected_and_one_slightly_better_is_promoted()
    {
        // Actuals 10 and 20: the mean is 15 and predicting it everywhere misses by 5, so the baseline RMSE is 5.
        PairedTrip[] Month(double low, double high) =>
            [.. Enumerable.Range(0, 10).Select(i => Trips.Make(i, 8, i % 2 == 0 ? 10 : 20, i % 2 == 0 ? low : high, null))];
        var gate = new PromotionGate(Trips.Small());

        var mean = gate.Evaluate(Trips.FirstModel(Month(15, 15)));
        var better = gate.Evaluate(Trips.FirstModel(Month(14.9, 15.1)));

        Assert.Equal(5.0, mean.Inputs.MeanBaselineRmse, 12);
        Assert.Equal(GateVerdict.Reject, mean.Verdict);
        Assert.Equal(GateRuleNames.BeatsMeanBaseline, Assert.Single(mean.Rules, rule => !rule.Passed).Name);
        Assert.Equal(GateVerdict.Promote, better.Verdict);
        Assert.Equal(4.9, better.Inputs.ChallengerRmse, 12);
    }

    [Fact]
    public void A_first_model_that_always_predicts_too_long_is_rejected_by_the_mean_baseline_even_under_the_ceiling()
    {
        var month = SyntheticMonth.Generate();
        var constant = month.Average(trip => trip.ActualMinutes) + 5;

        var decision = Gate.Evaluate(Trips.FirstModel(SyntheticMonth.WithChallenger(month, _ => constant)));

        Assert.Equal(GateVerdict.Reject, decision.Verdict);
        Assert.True(decision.Rule(GateRuleNames.AbsoluteRmse).Passed);
        Assert.False(decision.Rule(GateRuleNames.BeatsMeanBaseline).Passed);
        Assert.Contains("is not below the mean baseline", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_model_above_the_absolute_ceiling_is_rejected()
    {
        var month = SyntheticMonth.Generate();
        var noisy = SyntheticMonth.WithChallenger(month, trip => trip.ActualMinutes + (3 * Math.Abs(Trips.ChampionError(trip))));

        var decision = Gate.Evaluate(Trips.FirstModel(noisy));

        Assert.Equal(GateVerdict.Reject, decision.Verdict);
        Assert.True(decision.Inputs.ChallengerRmse > 15);
        Assert.StartsWith("Reject the first model: RMSE ", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("> the ceiling 15", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_insane_first_model_is_rejected_by_the_sanity_rule()
    {
        var month = SyntheticMonth.Generate();
        month[0] = month[0] with { ChallengerMinutes = -1 };

        var decision = Gate.Evaluate(Trips.FirstModel(month));

        Assert.Equal(GateVerdict.Reject, decision.Verdict);
        Assert.Equal(GateRuleNames.PredictionSanity, Assert.Single(decision.Rules, rule => !rule.Passed).Name);
    }

    [Fact]
    public void A_first_model_on_too_few_trips_is_rejected()
    {
        var decision = Gate.Evaluate(Trips.FirstModel(SyntheticMonth.Generate(trips: 1_000)));

        Assert.Equal(GateVerdict.Reject, decision.Verdict);
        Assert.Equal("Reject the first model: only 1,000 trips < 5,000 required, too few to judge.", decision.Reason);
    }
}
