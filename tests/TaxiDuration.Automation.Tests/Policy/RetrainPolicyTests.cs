using TaxiDuration.Automation.Policy;

namespace TaxiDuration.Automation.Tests.Policy;

public sealed class RetrainPolicyTests
{
    private static readonly RetrainPolicyOptions Options = new();
    private readonly RetrainPolicy policy = new(Options);

    [Fact]
    public void A_calm_window_is_quiet_and_says_why()
    {
        var decision = policy.Decide(Ready(), Window(drift: 0.4));

        Assert.Equal(PolicyAction.Quiet, decision.Action);
        Assert.Contains("drift score 0.40 < 1", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_needs_two_consecutive_windows_over_the_threshold()
    {
        var first = policy.Decide(Ready(), Window(drift: 1.3));
        var second = policy.Decide(first.Next, Window(drift: 1.1));

        Assert.Equal((PolicyAction.Suppressed, "hysteresis"), (first.Action, first.Suppression));
        Assert.Contains("1 of the 2", first.Explanation, StringComparison.Ordinal);
        Assert.Equal((PolicyAction.Retrain, Trigger.Drift), (second.Action, second.Trigger));
    }

    [Fact]
    public void A_window_under_the_threshold_breaks_the_streak()
    {
        var first = policy.Decide(Ready(), Window(drift: 1.3));
        var dip = policy.Decide(first.Next, Window(drift: 0.9));
        var again = policy.Decide(dip.Next, Window(drift: 1.3));

        Assert.Equal(PolicyAction.Quiet, dip.Action);
        Assert.Equal((PolicyAction.Suppressed, "hysteresis"), (again.Action, again.Suppression));
    }

    [Fact]
    public void Firing_drift_holds_above_the_clear_level_and_clears_below_it()
    {
        var firing = Ready() with { DriftFiring = true, DriftStreak = 2 };

        var held = policy.Decide(firing, Window(drift: 0.85));
        var cleared = policy.Decide(firing, Window(drift: 0.79));

        Assert.Equal((PolicyAction.Retrain, Trigger.Drift), (held.Action, held.Trigger));
        Assert.Equal(PolicyAction.Quiet, cleared.Action);
        Assert.False(cleared.Next.DriftFiring);
    }

    [Fact]
    public void A_performance_alarm_outranks_freshness_schema_and_drift_and_fires_at_once()
    {
        var firing = Ready() with { DriftFiring = true, DriftStreak = 3 };

        var decision = policy.Decide(firing, Window(drift: 2, performance: true, freshness: true, schema: true, ratio: 1.3));
        var freshness = policy.Decide(Ready(), Window(freshness: true, schema: true));
        var schema = policy.Decide(Ready(), Window(schema: true));

        Assert.Equal(Trigger.Performance, decision.Trigger);
        Assert.Contains("1.30×", decision.Explanation, StringComparison.Ordinal);
        Assert.Equal(Trigger.Freshness, freshness.Trigger);
        Assert.Equal((PolicyAction.Retrain, Trigger.Schema), (schema.Action, schema.Trigger));
    }

    [Fact]
    public void Too_few_new_labels_suppress_a_trigger()
    {
        var decision = policy.Decide(PolicyState.Initial, Window(performance: true, trips: 19_999, ratio: 1.3));
        var enough = policy.Decide(PolicyState.Initial, Window(performance: true, trips: 20_000, ratio: 1.3));

        Assert.Equal((PolicyAction.Suppressed, "too-little-data"), (decision.Action, decision.Suppression));
        Assert.Contains("19,999", decision.Explanation, StringComparison.Ordinal);
        Assert.Equal(PolicyAction.Retrain, enough.Action);
    }

    [Fact]
    public void One_window_of_cooldown_follows_a_promoted_retrain()
    {
        var promoted = policy.AfterRetrain(Ready(), promoted: true);

        var during = policy.Decide(promoted with { LabelledTripsSinceRetrain = 50_000 }, Window(performance: true, ratio: 1.3));
        var after = policy.Decide(during.Next, Window(performance: true, ratio: 1.3));

        Assert.Equal((PolicyAction.Suppressed, "cooldown"), (during.Action, during.Suppression));
        Assert.Equal(PolicyAction.Retrain, after.Action);
        Assert.Equal(0, promoted.ChampionAgeWindows);
    }

    [Fact]
    public void Two_windows_of_cooldown_follow_a_rejection_unless_the_champion_is_badly_off()
    {
        var rejected = policy.AfterRetrain(Ready(), promoted: false) with { LabelledTripsSinceRetrain = 50_000 };

        var first = policy.Decide(rejected, Window(performance: true, ratio: 1.2));
        var second = policy.Decide(first.Next, Window(performance: true, ratio: 1.2));
        var third = policy.Decide(second.Next, Window(performance: true, ratio: 1.2));
        var emergency = policy.Decide(rejected, Window(performance: true, ratio: 1.3));

        Assert.Equal(("cooldown", "cooldown"), (first.Suppression, second.Suppression));
        Assert.Contains("rejected retrain", first.Explanation, StringComparison.Ordinal);
        Assert.Equal(PolicyAction.Retrain, third.Action);
        Assert.Equal(PolicyAction.Retrain, emergency.Action);
        Assert.Contains("overrides the cooldown", emergency.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_champion_is_retrained_whatever_the_monitors_say()
    {
        var old = Ready() with { ChampionAgeWindows = Options.MaximumChampionAgeWindows };
        var young = Ready() with { ChampionAgeWindows = Options.MaximumChampionAgeWindows - 1 };

        Assert.Equal((PolicyAction.Retrain, Trigger.MaximumAge), (policy.Decide(old, Window()).Action, policy.Decide(old, Window()).Trigger));
        Assert.Equal(PolicyAction.Quiet, policy.Decide(young, Window()).Action);
    }

    [Fact]
    public void The_watch_rolls_back_a_new_champion_that_does_worse_than_the_previous_one_only_during_the_watch()
    {
        var watch = new RollbackWatch(Options);

        Assert.NotNull(watch.Judge(championRmse: 5.2, previousRmse: 5.0, windowsSincePromotion: 1));
        Assert.Null(watch.Judge(championRmse: 5.04, previousRmse: 5.0, windowsSincePromotion: 1));
        Assert.Null(watch.Judge(championRmse: 5.2, previousRmse: 5.0, windowsSincePromotion: 2));
    }

    private static PolicyState Ready() => PolicyState.Initial with { LabelledTripsSinceRetrain = 100_000, ChampionAgeWindows = 1 };

    private static WindowSignals Window(double drift = 0, bool performance = false, bool freshness = false, bool schema = false, int trips = 50_000, double? ratio = 1.0) =>
        new("green 2021-03", trips, drift, schema, performance, freshness, ratio);
}
