using TaxiDuration.Automation.Replay;
using TaxiDuration.Tracking;

namespace TaxiDuration.Automation.Cycle;

/// <summary>What one scheduled cycle did.</summary>
/// <param name="Summary">One line for the log.</param>
/// <param name="Outcome">The window's figures and decision; null when there was nothing new to look at.</param>
/// <param name="Promoted">The version the loop registered and promoted, if it did.</param>
public sealed record CycleResult(string Summary, MonthOutcome? Outcome, ModelVersion? Promoted);
