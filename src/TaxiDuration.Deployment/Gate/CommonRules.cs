namespace TaxiDuration.Deployment.Gate;

/// <summary>Rules every challenger faces, first model or not: sane predictions and enough trips to judge.</summary>
internal static class CommonRules
{
    public static GateRule PredictionSanity(PairedScores scores, MonthFigures month, GateOptions options)
    {
        var range = $"finite and within 0–{GateText.Count((long)options.MaxPredictionMinutes)} min";
        if (month.InsanePredictions == 0)
        {
            return new GateRule(GateRuleNames.PredictionSanity, true, 0, "≤", 0, $"all {GateText.Count(month.Trips)} challenger predictions are {range}");
        }

        var predicted = scores.Trips[month.FirstInsaneTrip].ChallengerMinutes;
        return new GateRule(
            GateRuleNames.PredictionSanity,
            false,
            month.InsanePredictions,
            "≤",
            0,
            $"{GateText.Count(month.InsanePredictions)} of {GateText.Count(month.Trips)} challenger predictions are not {range} "
                + $"(first: trip {month.FirstInsaneTrip} predicted {predicted.ToString(System.Globalization.CultureInfo.InvariantCulture)} min), so the model is broken");
    }

    public static GateRule MinimumTrips(MonthFigures month, GateOptions options)
    {
        var passed = month.Trips >= options.MinimumTrips;
        var explanation = passed
            ? $"{GateText.Count(month.Trips)} trips ≥ {GateText.Count(options.MinimumTrips)} required"
            : $"only {GateText.Count(month.Trips)} trips < {GateText.Count(options.MinimumTrips)} required, too few to judge";
        return new GateRule(GateRuleNames.MinimumTrips, passed, month.Trips, "≥", options.MinimumTrips, explanation);
    }
}
