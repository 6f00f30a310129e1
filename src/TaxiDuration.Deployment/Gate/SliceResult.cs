namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// One row of the slice table: how both models do on one part of the month. Every slice is reported; only those
/// with enough trips (and a champion to compare with) are judged.
/// </summary>
/// <param name="Family">Which partition the slice belongs to (<see cref="SliceFamilies"/>).</param>
/// <param name="Slice">The slice's short name within its family, e.g. <c>night</c> or <c>zone 132</c>.</param>
/// <param name="Definition">Which trips it holds, e.g. <c>pickup hour 0–5</c>; tercile edges come from the month.</param>
/// <param name="Trips">Trips in the slice.</param>
/// <param name="ChampionRmse">Champion RMSE on the slice, minutes; null without a champion, NaN when the slice is empty.</param>
/// <param name="ChallengerRmse">Challenger RMSE on the slice, minutes; NaN when the slice is empty.</param>
/// <param name="Ratio">Challenger RMSE / champion RMSE (1 when both are 0); null without a champion.</param>
/// <param name="Checked">Whether the slice was judged: a champion exists and it has at least <see cref="GateOptions.SliceMinimumTrips"/> trips.</param>
/// <param name="Passed">Ratio ≤ <see cref="GateOptions.SliceMaxRmseRatio"/>; true when not checked, as a slice too small to judge cannot block.</param>
public sealed record SliceResult(
    string Family,
    string Slice,
    string Definition,
    int Trips,
    double? ChampionRmse,
    double ChallengerRmse,
    double? Ratio,
    bool Checked,
    bool Passed);
