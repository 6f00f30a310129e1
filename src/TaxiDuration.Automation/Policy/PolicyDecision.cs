namespace TaxiDuration.Automation.Policy;

/// <summary>A window's decision, in words as well as values, and the state to carry into the next window.</summary>
/// <param name="Suppression">For <see cref="PolicyAction.Suppressed"/>: which rule held the trigger back ("cooldown", "hysteresis", "too-little-data").</param>
/// <param name="Explanation">One sentence a person reads in the report and the tracked run.</param>
public sealed record PolicyDecision(string Window, PolicyAction Action, Trigger Trigger, string? Suppression, string Explanation, PolicyState Next);
