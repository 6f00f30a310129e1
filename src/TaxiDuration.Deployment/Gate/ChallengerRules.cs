namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// The rules a challenger must all pass to replace a champion: clearly better overall, reliably so across days,
/// not worse on any sizeable slice, and affordable to serve.
/// </summary>
internal static class ChallengerRules
{
    /// <summary>
    /// Strictly lower RMSE and ratio ≤ 1 − margin. "Strictly" is separate from the margin so a tie keeps the
    /// champion even when the margin is configured as 0.
    /// </summary>
    public static GateRule RelativeImprovement(MonthFigures month, GateOptions options)
    {
        var champion = month.ChampionRmse!.Value;
        var ratio = GateMath.Ratio(month.ChallengerRmse, champion);
        var threshold = 1 - options.MinimumRelativeImprovement;
        var passed = month.ChallengerRmse < champion && ratio <= threshold;
        var figures = $"challenger RMSE {GateText.Minutes(month.ChallengerRmse)} vs champion {GateText.Minutes(champion)}";
        var required = GateText.Percent(options.MinimumRelativeImprovement);
        var explanation = month.ChallengerRmse == champion
            ? $"{figures}: a tie keeps the champion"
            : passed
                ? $"{figures} ({GateText.Change(ratio)})"
                : $"{figures} ({GateText.Change(ratio)}) is not the required {required} better";
        return new GateRule(GateRuleNames.RelativeImprovement, passed, ratio, "≤", threshold, explanation);
    }

    public static GateRule BootstrapLowerBound(DayBlocks blocks, GateOptions options)
    {
        var means = DayBlockBootstrap.ResampleMeans(blocks, options.BootstrapResamples, options.BootstrapSeed);
        var bound = DayBlockBootstrap.LowerBound(means, options.ConfidenceLevel);
        var passed = bound > 0;
        var figures = $"bootstrap {GateText.Percent(options.ConfidenceLevel)} lower bound of the gain {GateText.Minutes(bound)} min²";
        var explanation = passed
            ? $"{figures} > 0"
            : $"{figures} ≤ 0 over {GateText.Count(options.BootstrapResamples)} resamples of {GateText.Count(blocks.Days.Count)} days, so the gain is not reliable across days";
        return new GateRule(GateRuleNames.BootstrapLowerBound, passed, bound, ">", 0, explanation);
    }

    /// <summary>Observed is the worst checked ratio (NaN when no slice is big enough, which passes: nothing to judge).</summary>
    public static GateRule SliceRatio(IReadOnlyList<SliceResult> slices, GateOptions options)
    {
        var judged = slices.Where(slice => slice.Checked).ToList();
        var failed = judged.Where(slice => !slice.Passed).OrderByDescending(slice => slice.Ratio ?? double.PositiveInfinity).ToList();
        var worst = judged.Count == 0 ? double.NaN : judged.Max(slice => slice.Ratio!.Value);
        var limit = GateText.Limit(options.SliceMaxRmseRatio);
        var minimum = GateText.Count(options.SliceMinimumTrips);
        string explanation;
        if (failed.Count > 0)
        {
            var slice = failed[0];
            var more = failed.Count > 1 ? $"; {failed.Count - 1} more slice(s) fail" : "";
            explanation = $"slice {slice.Family} {slice.Slice} (n {GateText.Count(slice.Trips)}) has challenger RMSE "
                + $"{GateText.Minutes(slice.ChallengerRmse)} vs champion {GateText.Minutes(slice.ChampionRmse!.Value)} = {GateText.Ratio(slice.Ratio!.Value)} > {limit}×{more}";
        }
        else
        {
            explanation = judged.Count == 0
                ? $"no slice has n ≥ {minimum}, nothing to judge"
                : $"all {judged.Count} slices with n ≥ {minimum} within {limit}×";
        }

        return new GateRule(GateRuleNames.SliceRatio, failed.Count == 0, worst, "≤", options.SliceMaxRmseRatio, explanation);
    }

    public static GateRule ScoringCost(ScoredModel challenger, ScoredModel champion, GateOptions options)
    {
        var ratio = challenger.SecondsPerRow / Math.Max(champion.SecondsPerRow, options.ScoringCostFloorSecondsPerRow);
        var passed = ratio <= options.MaxScoringCostRatio;
        var limit = GateText.Limit(options.MaxScoringCostRatio);
        var seconds = $"{GateText.Seconds(challenger.SecondsPerRow)} vs {GateText.Seconds(champion.SecondsPerRow)} s/row";
        var explanation = passed
            ? $"cost {GateText.Ratio(ratio)} ≤ {limit}×"
            : $"cost {GateText.Ratio(ratio)} > {limit}× ({seconds}), too expensive to serve";
        return new GateRule(GateRuleNames.ScoringCost, passed, ratio, "≤", options.MaxScoringCostRatio, explanation);
    }
}
