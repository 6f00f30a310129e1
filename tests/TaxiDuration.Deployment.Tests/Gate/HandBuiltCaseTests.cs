using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>
/// Four trips of 10 minutes each, on a Monday and a Saturday. The champion misses every one by 3 minutes, the
/// challenger by 2: RMSE 3 vs 2 (−33.3 %), every paired gain dᵢ = 9 − 4 = 5 min², every slice ratio 2/3.
/// </summary>
public sealed class HandBuiltCaseTests
{
    private static readonly PairedTrip[] FourTrips =
    [
        Trips.Make(day: 5, hour: 2, actual: 10, challenger: 12, champion: 13, distance: 1, zone: 1),
        Trips.Make(day: 5, hour: 7, actual: 10, challenger: 8, champion: 7, distance: 2, zone: 1),
        Trips.Make(day: 10, hour: 12, actual: 10, challenger: 12, champion: 13, distance: 3, zone: 2),
        Trips.Make(day: 10, hour: 17, actual: 10, challenger: 8, champion: 7, distance: 4, zone: 3),
    ];

    private static GateDecision Decide() => new PromotionGate(Trips.Small()).Evaluate(Trips.Compare(FourTrips));

    [Fact]
    public void The_headline_figures_match_the_hand_computation()
    {
        var decision = Decide();

        Assert.Equal(3.0, decision.Inputs.ChampionRmse!.Value, 12);
        Assert.Equal(2.0, decision.Inputs.ChallengerRmse, 12);
        Assert.Equal(2, decision.Inputs.Days);
        Assert.Equal(2.0 / 3.0, decision.Rule(GateRuleNames.RelativeImprovement).Observed, 12);
        Assert.Equal(5.0, decision.Rule(GateRuleNames.BootstrapLowerBound).Observed, 12);
        Assert.Equal(1.2, decision.Rule(GateRuleNames.ScoringCost).Observed, 12);
    }

    [Fact]
    public void The_reason_of_a_promotion_quotes_every_deciding_figure()
    {
        Assert.Equal(
            "Promote: challenger RMSE 2.000 vs champion 3.000 (−33.3 %), bootstrap 95 % lower bound of the gain 5.000 min² > 0, "
                + "all 12 slices with n ≥ 1 within 1.02×, cost 1.20× ≤ 1.5×.",
            Decide().Reason);
    }

    [Fact]
    public void Every_slice_is_reported_and_an_empty_one_is_not_judged()
    {
        var slices = Decide().Slices;

        Assert.Equal(
            ["night", "morning", "midday", "evening", "late", "short", "medium", "long", "zone 1", "zone 2", "zone 3", "weekday", "weekend"],
            slices.Select(slice => slice.Slice));
        Assert.Equal([1, 1, 1, 1, 0, 2, 1, 1, 2, 1, 1, 2, 2], slices.Select(slice => slice.Trips));
        var late = slices.Single(slice => slice.Slice == "late");
        Assert.False(late.Checked);
        Assert.True(late.Passed);
        Assert.All(slices.Where(slice => slice.Trips > 0), slice =>
        {
            Assert.True(slice.Checked);
            Assert.Equal(3.0, slice.ChampionRmse!.Value, 12);
            Assert.Equal(2.0, slice.ChallengerRmse, 12);
            Assert.Equal(2.0 / 3.0, slice.Ratio!.Value, 12);
        });
    }

    [Fact]
    public void A_small_slice_that_got_worse_is_reported_but_cannot_block_the_promotion()
    {
        var trips = FourTrips.Append(Trips.Make(day: 5, hour: 22, actual: 10, challenger: 11, champion: 10.5)).ToArray();
        var options = new GateOptions { MinimumTrips = 1, SliceMinimumTrips = 2, BootstrapResamples = 200 };

        var decision = new PromotionGate(options).Evaluate(Trips.Compare(trips));

        var late = decision.Slices.Single(slice => slice.Slice == "late");
        Assert.Equal(2.0, late.Ratio!.Value, 12);
        Assert.False(late.Checked);
        Assert.True(decision.Rule(GateRuleNames.SliceRatio).Passed);
    }
}
