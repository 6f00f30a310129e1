namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// The gate's answer with everything needed to trust or challenge it: the verdict, one sentence with the deciding
/// figures, every rule's figures, and the per-slice table.
/// </summary>
/// <param name="Verdict">What to do.</param>
/// <param name="Reason">One sentence naming the deciding figures (the first failed rule, or all passing figures).</param>
/// <param name="Inputs">Which models and month were compared, with the headline RMSEs.</param>
/// <param name="Rules">Every rule evaluated, in a fixed order (sanity, trips, then comparison or first-model rules).</param>
/// <param name="Slices">Every slice, judged or not, in family order.</param>
public sealed record GateDecision(
    GateVerdict Verdict,
    string Reason,
    GateInputs Inputs,
    IReadOnlyList<GateRule> Rules,
    IReadOnlyList<SliceResult> Slices)
{
    /// <summary>The rule called <paramref name="name"/> (see <see cref="GateRuleNames"/>).</summary>
    /// <exception cref="KeyNotFoundException">This kind of decision has no such rule (e.g. cost for a first model).</exception>
    public GateRule Rule(string name) =>
        Rules.FirstOrDefault(rule => rule.Name == name) ?? throw new KeyNotFoundException($"The decision has no rule '{name}'.");

    /// <summary>A readable gate report (inputs, rules, slices, verdict) to attach to the run or the pull request.</summary>
    public string ToMarkdown() => GateReport.Render(this);
}
