namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// With no champion there is nothing to beat, so the first model must only prove it is useful at all: an RMSE
/// riders can live with, and better than the dumbest possible model.
/// </summary>
internal static class FirstModelRules
{
    public static GateRule AbsoluteRmse(MonthFigures month, GateOptions options)
    {
        var passed = month.ChallengerRmse <= options.AbsoluteMaxRmse;
        var figures = $"RMSE {GateText.Minutes(month.ChallengerRmse)} min";
        var limit = GateText.Limit(options.AbsoluteMaxRmse);
        var explanation = passed ? $"{figures} ≤ {limit}" : $"{figures} > the ceiling {limit}, too inaccurate to serve";
        return new GateRule(GateRuleNames.AbsoluteRmse, passed, month.ChallengerRmse, "≤", options.AbsoluteMaxRmse, explanation);
    }

    /// <summary>
    /// Always predicting the month's mean duration needs no features and no training; its RMSE is the spread of the
    /// durations. A model that does not beat it has learned nothing from its features (or its pipeline is broken:
    /// swapped columns, wrong units), so it must not be served, however low its RMSE looks in absolute terms.
    /// The baseline uses this month's own mean, which flatters it slightly: beating it is a fair minimum.
    /// </summary>
    public static GateRule BeatsMeanBaseline(MonthFigures month)
    {
        var passed = month.ChallengerRmse < month.MeanBaselineRmse;
        var ratio = GateMath.Ratio(month.ChallengerRmse, month.MeanBaselineRmse);
        var figures = $"below the mean baseline RMSE {GateText.Minutes(month.MeanBaselineRmse)} (always predicting {GateText.Minutes(month.MeanActual)} min)";
        var explanation = passed
            ? $"{figures}, {GateText.Change(ratio)}"
            : $"RMSE {GateText.Minutes(month.ChallengerRmse)} is not {figures}: a model no better than the mean has learned nothing or is broken";
        return new GateRule(GateRuleNames.BeatsMeanBaseline, passed, month.ChallengerRmse, "<", month.MeanBaselineRmse, explanation);
    }
}
