namespace TaxiDuration.Automation.Policy;

/// <summary>What one monitoring window found, reduced to what the trigger policy decides on.</summary>
/// <param name="Window">The window's name, e.g. "green 2020-04".</param>
/// <param name="LabelledTrips">Trips of this window whose labels arrived.</param>
/// <param name="DriftScore">Dataset drift as a multiple of its threshold (≥ 1 is drift).</param>
/// <param name="SchemaChanged">Columns appeared or disappeared against the reference month.</param>
/// <param name="PerformanceAlarm">The champion's RMSE alarm (ratio and its bootstrap lower bound both over their limits).</param>
/// <param name="FreshnessProbeWins">A linear model fitted on the previous window beats the champion on this one by the gate's rules.</param>
/// <param name="RmseRatio">The champion's RMSE over its reference RMSE, when labels arrived.</param>
public sealed record WindowSignals(
    string Window,
    int LabelledTrips,
    double DriftScore,
    bool SchemaChanged,
    bool PerformanceAlarm,
    bool FreshnessProbeWins,
    double? RmseRatio);
