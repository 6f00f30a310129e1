using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>The Markdown report: a reviewer must find the verdict, what was compared, every rule and every slice.</summary>
public sealed class GateReportTests
{
    [Fact]
    public void The_report_has_a_row_for_every_rule_and_every_slice()
    {
        var decision = new PromotionGate(new GateOptions()).Evaluate(Trips.Compare(SyntheticMonth.Generate()));

        var report = decision.ToMarkdown();

        Assert.Equal(20, decision.Slices.Count);
        Assert.All(decision.Rules, rule => Assert.Contains($"| {rule.Name} | yes |", report, StringComparison.Ordinal));
        Assert.All(decision.Slices, slice => Assert.Contains($"| {slice.Family} | {slice.Slice} | {slice.Definition} | {slice.Trips:N0} |", report, StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_states_the_verdict_the_reason_the_models_and_the_month()
    {
        var decision = new PromotionGate(new GateOptions()).Evaluate(Trips.Compare(SyntheticMonth.Generate()));

        var report = decision.ToMarkdown();

        Assert.StartsWith("# Promotion gate: 2024-05\n\n**Verdict: Promote.** " + decision.Reason, report, StringComparison.Ordinal);
        Assert.Contains("| Trips | 6,000 over 30 days |", report, StringComparison.Ordinal);
        Assert.Contains("| Challenger | taxi-duration/8 (RMSE ", report, StringComparison.Ordinal);
        Assert.Contains("| Champion | taxi-duration/7 (RMSE ", report, StringComparison.Ordinal);
        Assert.Contains("## Rules", report, StringComparison.Ordinal);
        Assert.Contains("## Slices", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_rule_and_slice_stand_out_in_the_report()
    {
        var month = SyntheticMonth.Generate();
        var trips = SyntheticMonth.WithChallenger(month, trip => SyntheticMonth.ScaledChampionError(trip, trip.Weekday == DayOfWeek.Saturday || trip.Weekday == DayOfWeek.Sunday ? 1.1 : 0.7));

        var report = new PromotionGate(new GateOptions()).Evaluate(Trips.Compare(trips)).ToMarkdown();

        Assert.Contains("**Verdict: Keep the champion.** Keep the champion: slice day type weekend", report, StringComparison.Ordinal);
        Assert.Contains("| slice-ratio | **no** | 1.1 | ≤ 1.02 |", report, StringComparison.Ordinal);
        Assert.Matches(@"\| day type \| weekend \| Saturday, Sunday \| [0-9,]+ \| [0-9.]+ \| [0-9.]+ \| 1.1 \| yes \| \*\*no\*\* \|", report);
    }

    [Fact]
    public void A_first_model_report_says_there_is_no_champion()
    {
        var decision = new PromotionGate(new GateOptions()).Evaluate(Trips.FirstModel(SyntheticMonth.Generate()));

        var report = decision.ToMarkdown();

        Assert.Contains("| Champion | none: this is the first model |", report, StringComparison.Ordinal);
        Assert.Contains("| absolute-rmse | yes |", report, StringComparison.Ordinal);
        Assert.Contains("| beats-mean-baseline | yes |", report, StringComparison.Ordinal);
        Assert.Contains("| — | no champion | — |", report, StringComparison.Ordinal);
    }
}
