namespace TaxiDuration.Deployment.Gate;

/// <summary>Turns rule outcomes into the verdict and its one-sentence reason.</summary>
internal static class GateReason
{
    /// <summary>Rules whose figures a promotion's reason quotes; sanity and trip count only matter when they fail.</summary>
    private static readonly HashSet<string> Quoted =
    [
        GateRuleNames.RelativeImprovement,
        GateRuleNames.BootstrapLowerBound,
        GateRuleNames.SliceRatio,
        GateRuleNames.ScoringCost,
        GateRuleNames.AbsoluteRmse,
        GateRuleNames.BeatsMeanBaseline,
    ];

    public static (GateVerdict Verdict, string Reason) Decide(IReadOnlyList<GateRule> rules, bool hasChampion)
    {
        var failed = rules.Where(rule => !rule.Passed).ToList();
        if (failed.Count == 0)
        {
            var figures = string.Join(", ", rules.Where(rule => Quoted.Contains(rule.Name)).Select(rule => rule.Explanation));
            return (GateVerdict.Promote, $"{(hasChampion ? "Promote" : "Promote the first model")}: {figures}.");
        }

        var others = failed.Count > 1 ? $"; also failed: {string.Join(", ", failed.Skip(1).Select(rule => rule.Name))}" : "";
        return hasChampion
            ? (GateVerdict.KeepChampion, $"Keep the champion: {failed[0].Explanation}{others}.")
            : (GateVerdict.Reject, $"Reject the first model: {failed[0].Explanation}{others}.");
    }
}
