using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>The verdict when a champion exists: promote only a challenger that passes every rule.</summary>
public sealed class ChallengerVerdictTests
{
    private static readonly PromotionGate Gate = new(new GateOptions());

    [Fact]
    public void A_clearly_better_challenger_is_promoted_with_every_rule_passing()
    {
        var decision = Gate.Evaluate(Trips.Compare(SyntheticMonth.Generate()));

        Assert.Equal(GateVerdict.Promote, decision.Verdict);
        Assert.All(decision.Rules, rule => Assert.True(rule.Passed, rule.Explanation));
        Assert.Equal(
            [GateRuleNames.PredictionSanity, GateRuleNames.MinimumTrips, GateRuleNames.RelativeImprovement, GateRuleNames.BootstrapLowerBound, GateRuleNames.SliceRatio, GateRuleNames.ScoringCost],
            decision.Rules.Select(rule => rule.Name));
        Assert.StartsWith("Promote: challenger RMSE ", decision.Reason, StringComparison.Ordinal);
        Assert.InRange(decision.Inputs.ChallengerRmse / decision.Inputs.ChampionRmse!.Value, 0.6, 0.75);
    }

    [Fact]
    public void Identical_predictions_are_a_tie_and_keep_the_champion()
    {
        var trips = SyntheticMonth.WithChallenger(SyntheticMonth.Generate(), trip => trip.ChampionMinutes!.Value);

        var decision = Gate.Evaluate(Trips.Compare(trips));

        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        Assert.False(decision.Rule(GateRuleNames.RelativeImprovement).Passed);
        Assert.Equal(0, decision.Rule(GateRuleNames.BootstrapLowerBound).Observed);
        Assert.Contains("a tie keeps the champion", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_keeps_the_champion_even_when_no_margin_is_required()
    {
        var gate = new PromotionGate(new GateOptions { MinimumRelativeImprovement = 0 });
        var trips = SyntheticMonth.WithChallenger(SyntheticMonth.Generate(), trip => trip.ChampionMinutes!.Value);

        var decision = gate.Evaluate(Trips.Compare(trips));

        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        Assert.False(decision.Rule(GateRuleNames.RelativeImprovement).Passed);
    }

    [Fact]
    public void A_challenger_better_overall_but_5_percent_worse_on_a_busy_zone_keeps_the_champion_and_the_reason_names_the_zone()
    {
        var month = SyntheticMonth.Generate();
        var busiest = month.CountBy(trip => trip.PickupZoneId).MaxBy(pair => pair.Value);
        Assert.True(busiest.Value >= 500, "the case needs a judged zone slice");
        var trips = SyntheticMonth.WithChallenger(
            month, trip => SyntheticMonth.ScaledChampionError(trip, trip.PickupZoneId == busiest.Key ? 1.05 : 0.7));

        var decision = Gate.Evaluate(Trips.Compare(trips));

        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        var failed = Assert.Single(decision.Rules, rule => !rule.Passed);
        Assert.Equal(GateRuleNames.SliceRatio, failed.Name);
        var slice = Assert.Single(decision.Slices, slice => !slice.Passed);
        Assert.Equal($"zone {busiest.Key}", slice.Slice);
        Assert.Equal(1.05, slice.Ratio!.Value, 9);
        Assert.Contains($"slice pickup zone zone {busiest.Key} (n {busiest.Value:N0})", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("1.05× > 1.02×", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_trips_keep_the_champion_and_the_reason_names_the_count()
    {
        var decision = Gate.Evaluate(Trips.Compare(SyntheticMonth.Generate(trips: 4_999)));

        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        Assert.Equal(GateRuleNames.MinimumTrips, Assert.Single(decision.Rules, rule => !rule.Passed).Name);
        Assert.Equal("Keep the champion: only 4,999 trips < 5,000 required, too few to judge.", decision.Reason);
    }

    [Fact]
    public void A_half_percent_improvement_is_rejected_by_the_margin_rule_alone()
    {
        var trips = SyntheticMonth.WithChallenger(SyntheticMonth.Generate(), trip => SyntheticMonth.ScaledChampionError(trip, 0.995));

        var decision = Gate.Evaluate(Trips.Compare(trips));

        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        var failed = Assert.Single(decision.Rules, rule => !rule.Passed);
        Assert.Equal(GateRuleNames.RelativeImprovement, failed.Name);
        Assert.Equal(0.995, failed.Observed, 9);
        Assert.Equal(0.99, failed.Threshold, 12);
        Assert.Contains("(−0.5 %) is not the required 1 % better", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.5)]
    [InlineData(2_000.0)]
    [InlineData(double.PositiveInfinity)]
    public void A_challenger_with_one_insane_prediction_is_rejected_by_the_sanity_rule(double insane)
    {
        var trips = SyntheticMonth.Generate();
        trips[17] = trips[17] with { ChallengerMinutes = insane };

        var decision = Gate.Evaluate(Trips.Compare(trips));

        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        var sanity = decision.Rule(GateRuleNames.PredictionSanity);
        Assert.False(sanity.Passed);
        Assert.Equal(1, sanity.Observed);
        Assert.StartsWith("Keep the champion: 1 of 6,000 challenger predictions are not finite and within 0–1,440 min (first: trip 17", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prediction_of_exactly_zero_or_the_maximum_is_sane()
    {
        var trips = SyntheticMonth.Generate();
        trips[3] = trips[3] with { ChallengerMinutes = 0 };
        trips[4] = trips[4] with { ChallengerMinutes = 1_440 };

        var decision = new PromotionGate(new GateOptions()).Evaluate(Trips.Compare(trips));

        Assert.True(decision.Rule(GateRuleNames.PredictionSanity).Passed);
    }

    [Fact]
    public void A_challenger_twice_as_expensive_to_score_is_rejected_by_the_cost_rule()
    {
        var expensive = Trips.Challenger with { SecondsPerRow = 2 * Trips.Champion.SecondsPerRow };

        var decision = Gate.Evaluate(Trips.Compare(SyntheticMonth.Generate(), expensive));

        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        var cost = Assert.Single(decision.Rules, rule => !rule.Passed);
        Assert.Equal(GateRuleNames.ScoringCost, cost.Name);
        Assert.Equal(2.0, cost.Observed, 12);
        Assert.Contains("cost 2.00× > 1.5×", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e-6, 40e-6, true, 0.8)]
    [InlineData(1e-6, 80e-6, false, 1.6)]
    [InlineData(60e-6, 80e-6, true, 80.0 / 60)]
    public void A_champion_cheaper_than_the_floor_is_costed_at_the_floor(double champion, double challenger, bool passes, double ratio)
    {
        var month = new PairedScores(
            Trips.Month, Trips.Challenger with { SecondsPerRow = challenger }, Trips.Champion with { SecondsPerRow = champion }, SyntheticMonth.Generate());

        // The default floor, 50 µs a row: below it, cost differences are not told apart.
        var cost = Gate.Evaluate(month).Rule(GateRuleNames.ScoringCost);

        Assert.Equal(passes, cost.Passed);
        Assert.Equal(ratio, cost.Observed, 9);
    }

    [Fact]
    public void Every_rule_is_evaluated_and_every_failure_listed_when_several_fail()
    {
        var trips = SyntheticMonth.WithChallenger(SyntheticMonth.Generate(trips: 4_000), trip => trip.ChampionMinutes!.Value);
        var expensive = Trips.Challenger with { SecondsPerRow = 3 * Trips.Champion.SecondsPerRow };

        var decision = Gate.Evaluate(Trips.Compare(trips, expensive));

        Assert.Equal(6, decision.Rules.Count);
        Assert.Equal(
            "Keep the champion: only 4,000 trips < 5,000 required, too few to judge; also failed: relative-improvement, bootstrap-lower-bound, scoring-cost.",
            decision.Reason);
    }
}
