namespace TaxiDuration.Automation.Replay;

/// <summary>The replay's figures: each month, and per policy the mean RMSE, retrains and compute.</summary>
/// <param name="InitialChampion">The first month's model every policy starts from.</param>
/// <param name="Stages">Wall time per stage (read, replay), for the report's cost section.</param>
public sealed record LoopReplayResult(
    string InitialChampion,
    IReadOnlyList<MonthOutcome> Months,
    IReadOnlyDictionary<string, PolicySummary> Policies,
    IReadOnlyDictionary<string, TimeSpan> Stages);

/// <param name="MeanRmse">Mean of the monthly RMSEs over the served months.</param>
/// <param name="Retrains">Models that replaced the one serving (the initial fit not counted).</param>
/// <param name="FitTime">Time spent fitting, the initial model included.</param>
public sealed record PolicySummary(string Policy, double MeanRmse, int Retrains, TimeSpan FitTime);
