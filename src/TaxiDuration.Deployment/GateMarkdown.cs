using System.Globalization;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Tracking;

namespace TaxiDuration.Deployment;

/// <summary>The gate report a person reads: which decision this was, what happened, then the gate's own figures.</summary>
internal static class GateMarkdown
{
    public static string Render(DeploymentDecision recorded, GateDecision decision, bool promoted) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            # Gate decision #{recorded.Sequence}: {recorded.ModelName}/{recorded.CandidateVersion} {(recorded.ChampionVersion is { } champion ? $"vs champion {recorded.ModelName}/{champion}" : "(no champion yet)")}

            Decided {recorded.DecidedAt:yyyy-MM-dd HH:mm:ss} UTC by {recorded.Actor} on {recorded.Month}: **{decision.Verdict}**{(promoted ? " — promoted to champion" : "")}.

            {decision.Reason}

            {decision.ToMarkdown()}
            """);
}
