using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>The day-block bootstrap: reliable gains pass, gains from one lucky day do not, and the numbers are reproducible.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public void A_gain_carried_by_one_extreme_day_has_a_lower_bound_at_or_below_zero_and_is_rejected()
    {
        const int ExtremeDay = 13;
        var month = SyntheticMonth.Generate(trips: 6_000, days: 30);
        var trips = month.Select(trip => IsOn(trip, ExtremeDay)
                ? trip with { ChampionMinutes = trip.ActualMinutes + 40, ChallengerMinutes = trip.ActualMinutes + 4 }
                : trip with { ChallengerMinutes = SyntheticMonth.ScaledChampionError(trip, 1.01) })
            .ToArray();

        var decision = new PromotionGate(new GateOptions()).Evaluate(Trips.Compare(trips));

        Assert.True(decision.Inputs.ChallengerRmse < 0.9 * decision.Inputs.ChampionRmse!.Value, "better on average");
        Assert.Equal(GateVerdict.KeepChampion, decision.Verdict);
        var bootstrap = Assert.Single(decision.Rules, rule => !rule.Passed);
        Assert.Equal(GateRuleNames.BootstrapLowerBound, bootstrap.Name);
        Assert.True(bootstrap.Observed <= 0, $"bound {bootstrap.Observed}");
        Assert.Contains("lower bound of the gain −", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("≤ 0 over 2,000 resamples of 30 days", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bound_and_another_seed_a_different_one()
    {
        var scores = Trips.Compare(SyntheticMonth.Generate());

        double Bound(int seed) =>
            new PromotionGate(new GateOptions { BootstrapSeed = seed }).Evaluate(scores).Rule(GateRuleNames.BootstrapLowerBound).Observed;

        Assert.Equal(Bound(20_240_501), Bound(20_240_501));
        Assert.NotEqual(Bound(20_240_501), Bound(42));
    }

    [Fact]
    public void Trip_order_does_not_change_the_bound_because_days_are_ordered_by_date()
    {
        var trips = SyntheticMonth.Generate();
        var gate = new PromotionGate(new GateOptions());

        var forward = gate.Evaluate(Trips.Compare(trips)).Rule(GateRuleNames.BootstrapLowerBound).Observed;
        var backward = gate.Evaluate(Trips.Compare(trips.Reverse().ToArray())).Rule(GateRuleNames.BootstrapLowerBound).Observed;

        Assert.Equal(forward, backward, 12);
    }

    [Fact]
    public void Per_day_sums_give_the_same_resamples_as_concatenating_the_trips_of_the_drawn_days()
    {
        var trips = UnevenWeek();

        var fast = DayBlockBootstrap.ResampleMeans(DayBlocks.From(trips), resamples: 300, seed: 99);
        var naive = NaiveResampleMeans(trips, resamples: 300, seed: 99);

        Assert.Equal(naive.Length, fast.Length);
        for (var b = 0; b < naive.Length; b++)
        {
            Assert.Equal(naive[b], fast[b], 1e-9);
        }
    }

    [Fact]
    public void The_gates_bound_is_the_naive_10th_smallest_of_200_resamples_at_95_percent()
    {
        var trips = UnevenWeek();
        var options = new GateOptions { MinimumTrips = 1, SliceMinimumTrips = 1, BootstrapResamples = 200, BootstrapSeed = 5 };

        var bound = new PromotionGate(options).Evaluate(Trips.Compare(trips)).Rule(GateRuleNames.BootstrapLowerBound).Observed;

        var naive = NaiveResampleMeans(trips, resamples: 200, seed: 5).Order().ToArray();
        Assert.Equal(naive[9], bound, 1e-9);
    }

    [Fact]
    public void The_lower_bound_is_the_100th_smallest_of_2000_resamples_at_95_percent()
    {
        var means = Enumerable.Range(1, 2_000).Select(value => (double)value).Reverse().ToArray();

        Assert.Equal(100, DayBlockBootstrap.LowerBound(means, 0.95));
        Assert.Equal(20, DayBlockBootstrap.LowerBound(means, 0.99));
        Assert.Equal(1, DayBlockBootstrap.LowerBound(means, 0.99999));
    }

    /// <summary>Seven days with 1…7 trips each and varied gains, so unequal day sizes matter.</summary>
    private static PairedTrip[] UnevenWeek()
    {
        var random = new Random(3);
        return Enumerable.Range(0, 7)
            .SelectMany(day => Enumerable.Range(0, day + 1).Select(_ => Trips.Make(
                day,
                random.Next(24),
                actual: 20,
                challenger: 20 + (6 * random.NextDouble()) - 3,
                champion: 20 + (8 * random.NextDouble()) - 4)))
            .ToArray();
    }

    /// <summary>The documented algorithm done the slow way: draw days, concatenate their trips, average dᵢ over them.</summary>
    private static double[] NaiveResampleMeans(IReadOnlyList<PairedTrip> trips, int resamples, int seed)
    {
        var days = trips.GroupBy(trip => DateOnly.FromDateTime(trip.PickupTime))
            .OrderBy(day => day.Key)
            .Select(day => day.Select(Gain).ToArray())
            .ToArray();
        var random = new Random(seed);
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var resample = new List<double>();
            for (var draw = 0; draw < days.Length; draw++)
            {
                resample.AddRange(days[random.Next(days.Length)]);
            }

            means[b] = resample.Average();
        }

        return means;
    }

    private static double Gain(PairedTrip trip) =>
        Math.Pow(trip.ChampionMinutes!.Value - trip.ActualMinutes, 2) - Math.Pow(trip.ChallengerMinutes - trip.ActualMinutes, 2);

    private static bool IsOn(PairedTrip trip, int day) => trip.PickupTime.Date == Trips.FirstDay.AddDays(day);
}
