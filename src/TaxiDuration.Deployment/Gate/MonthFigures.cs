namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// Whole-month figures the rules read: both RMSEs, the mean baseline, and the challenger's insane predictions.
/// </summary>
/// <param name="Trips">Trips in the month.</param>
/// <param name="ChallengerRmse">Challenger RMSE, minutes (NaN or huge when it made insane predictions).</param>
/// <param name="ChampionRmse">Champion RMSE, minutes; null without a champion.</param>
/// <param name="MeanActual">The month's mean actual duration, minutes.</param>
/// <param name="MeanBaselineRmse">RMSE of always predicting <paramref name="MeanActual"/>: the population standard deviation of the durations.</param>
/// <param name="InsanePredictions">Challenger predictions that are non-finite, negative or above the limit.</param>
/// <param name="FirstInsaneTrip">Index of the first insane prediction, -1 when there is none.</param>
internal sealed record MonthFigures(
    int Trips,
    double ChallengerRmse,
    double? ChampionRmse,
    double MeanActual,
    double MeanBaselineRmse,
    int InsanePredictions,
    int FirstInsaneTrip)
{
    public static MonthFigures From(PairedScores scores, GateOptions options)
    {
        var trips = scores.Trips;
        double challenger = 0, champion = 0, actual = 0;
        int insane = 0, firstInsane = -1;
        for (var i = 0; i < trips.Count; i++)
        {
            var trip = trips[i];
            challenger += Square(trip.ChallengerMinutes - trip.ActualMinutes);
            champion += trip.ChampionMinutes is { } value ? Square(value - trip.ActualMinutes) : 0;
            actual += trip.ActualMinutes;
            if (!IsSane(trip.ChallengerMinutes, options.MaxPredictionMinutes))
            {
                insane++;
                firstInsane = firstInsane < 0 ? i : firstInsane;
            }
        }

        var mean = actual / trips.Count;
        var spread = 0.0;
        foreach (var trip in trips)
        {
            spread += Square(trip.ActualMinutes - mean);
        }

        return new MonthFigures(
            trips.Count,
            GateMath.Rmse(challenger, trips.Count),
            scores.Champion is null ? null : GateMath.Rmse(champion, trips.Count),
            mean,
            GateMath.Rmse(spread, trips.Count),
            insane,
            firstInsane);
    }

    /// <summary>Finite, not negative, at most <paramref name="maxMinutes"/>: anything else is a broken model, not a bad guess.</summary>
    public static bool IsSane(double minutes, double maxMinutes) => double.IsFinite(minutes) && minutes >= 0 && minutes <= maxMinutes;

    private static double Square(double value) => value * value;
}
