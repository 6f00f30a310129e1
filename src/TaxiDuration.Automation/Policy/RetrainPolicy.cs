using System.Globalization;

namespace TaxiDuration.Automation.Policy;

/// <summary>
/// Decides, window by window, whether the loop retrains. A performance alarm (or a fresh linear model beating the
/// champion) outranks a schema change, which outranks drift, which outranks age. Drift fires only after
/// <see cref="RetrainPolicyOptions.ConsecutiveDriftWindows"/> windows over its threshold and clears below
/// <see cref="RetrainPolicyOptions.DriftClearFactor"/> × the threshold; a cooldown follows every retrain; a
/// retrain needs enough new labels. Pure: the state goes in and comes out.
/// </summary>
public sealed class RetrainPolicy(RetrainPolicyOptions options)
{
    public PolicyDecision Decide(PolicyState state, WindowSignals signals)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signals);
        var (streak, firing) = Drift(state, signals.DriftScore);
        var next = state with
        {
            DriftStreak = streak,
            DriftFiring = firing,
            CooldownWindows = Math.Max(0, state.CooldownWindows - 1),
            LabelledTripsSinceRetrain = state.LabelledTripsSinceRetrain + signals.LabelledTrips,
            ChampionAgeWindows = state.ChampionAgeWindows + 1,
        };
        var (trigger, why) = Strongest(next, signals);
        if (trigger == Trigger.None)
        {
            return signals.DriftScore >= 1
                ? new PolicyDecision(signals.Window, PolicyAction.Suppressed, Trigger.Drift, "hysteresis",
                    Text($"drift score {signals.DriftScore:0.00} is over its threshold in {streak} of the {options.ConsecutiveDriftWindows} consecutive windows drift needs"), next)
                : new PolicyDecision(signals.Window, PolicyAction.Quiet, Trigger.None, null, Quiet(signals, next), next);
        }

        if (state.CooldownWindows > 0)
        {
            var emergency = state.CooldownAfterRejection && signals.RmseRatio > options.EmergencyRmseRatio;
            if (!emergency)
            {
                return new PolicyDecision(signals.Window, PolicyAction.Suppressed, trigger, "cooldown",
                    Text($"{why}, but {state.CooldownWindows} cooldown window(s) remain after the last {(state.CooldownAfterRejection ? "rejected " : "")}retrain"), next);
            }

            why = Text($"{why}; RMSE {signals.RmseRatio:0.00}× its reference overrides the cooldown after a rejection");
        }

        if (next.LabelledTripsSinceRetrain < options.MinimumNewLabelledTrips)
        {
            return new PolicyDecision(signals.Window, PolicyAction.Suppressed, trigger, "too-little-data",
                Text($"{why}, but only {next.LabelledTripsSinceRetrain:N0} labelled trips arrived since the last retrain (at least {options.MinimumNewLabelledTrips:N0})"), next);
        }

        return new PolicyDecision(signals.Window, PolicyAction.Retrain, trigger, null, Text($"retrain: {why}"), next);
    }

    /// <summary>The state after a retrain the gate promoted (<paramref name="promoted"/>) or rejected.</summary>
    public PolicyState AfterRetrain(PolicyState state, bool promoted)
    {
        ArgumentNullException.ThrowIfNull(state);
        return promoted
            ? new PolicyState(0, false, options.CooldownAfterRetrain, false, 0, 0)
            : state with { CooldownWindows = options.CooldownAfterRejection, CooldownAfterRejection = true, LabelledTripsSinceRetrain = 0 };
    }

    // Streak of windows over the threshold; firing once the streak is long enough, until the score falls below the
    // clear level. Between the clear level and the threshold a firing drift holds and a streak restarts.
    private (int Streak, bool Firing) Drift(PolicyState state, double score)
    {
        if (score >= 1)
        {
            var streak = state.DriftStreak + 1;
            return (streak, state.DriftFiring || streak >= options.ConsecutiveDriftWindows);
        }

        return score < options.DriftClearFactor ? (0, false) : (0, state.DriftFiring);
    }

    private (Trigger Trigger, string Why) Strongest(PolicyState next, WindowSignals signals)
    {
        if (signals.PerformanceAlarm)
        {
            return (Trigger.Performance, Text($"the champion's RMSE is {signals.RmseRatio:0.00}× its reference (alarm)"));
        }

        if (signals.FreshnessProbeWins)
        {
            return (Trigger.Freshness, "a linear model fitted on the previous window beats the champion on this one");
        }

        if (signals.SchemaChanged)
        {
            return (Trigger.Schema, "the data's columns changed against the reference month");
        }

        if (next.DriftFiring)
        {
            return (Trigger.Drift, Text($"drift score {signals.DriftScore:0.00} has been firing since {options.ConsecutiveDriftWindows} consecutive windows crossed the threshold"));
        }

        if (next.ChampionAgeWindows > options.MaximumChampionAgeWindows)
        {
            return (Trigger.MaximumAge, Text($"the champion has served {next.ChampionAgeWindows} windows, more than the maximum {options.MaximumChampionAgeWindows}"));
        }

        return (Trigger.None, "");
    }

    private static string Quiet(WindowSignals signals, PolicyState next) =>
        Text($"quiet: drift score {signals.DriftScore:0.00} < 1, no performance alarm{(signals.RmseRatio is { } ratio ? Text($" (RMSE {ratio:0.00}× reference)") : "")}, champion {next.ChampionAgeWindows} window(s) old");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
