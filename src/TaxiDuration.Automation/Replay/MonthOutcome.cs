using TaxiDuration.Automation.Policy;
using TaxiDuration.Monitoring.Drift;

namespace TaxiDuration.Automation.Replay;

/// <summary>One replayed month: each policy's RMSE on it, what the monitor saw, what the loop decided and did.</summary>
/// <param name="Rmse">RMSE of the model each policy served this month, by <see cref="PolicyNames"/>.</param>
/// <param name="Champion">The level-4 model that served the month.</param>
/// <param name="Events">What the loop did after the month's labels landed, in order (promotions, rejections, rollbacks).</param>
public sealed record MonthOutcome(
    string Month,
    string Origin,
    int Trips,
    IReadOnlyDictionary<string, double> Rmse,
    string Champion,
    DriftReport Drift,
    bool FreshnessProbeWins,
    PolicyDecision Decision,
    IReadOnlyList<string> Events);
