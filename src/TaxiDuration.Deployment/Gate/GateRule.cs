namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// One rule's outcome with its figures, so a reviewer can see how close a decision was, not just its result.
/// </summary>
/// <param name="Name">A stable identifier from <see cref="GateRuleNames"/>.</param>
/// <param name="Passed">Whether the rule holds; NaN figures never pass.</param>
/// <param name="Observed">The measured figure (a ratio, a bound, a count); NaN when there was nothing to measure.</param>
/// <param name="Comparison">How <paramref name="Observed"/> must relate to <paramref name="Threshold"/>: "≤", "≥", "&gt;" or "&lt;".</param>
/// <param name="Threshold">The limit from <see cref="GateOptions"/> (or a measured baseline).</param>
/// <param name="Explanation">One line with the deciding figures, written to be read in the verdict's reason.</param>
public sealed record GateRule(string Name, bool Passed, double Observed, string Comparison, double Threshold, string Explanation);
