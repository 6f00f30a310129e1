namespace TaxiDuration.Deployment.Gate;

/// <summary>Stable rule identifiers: what the report, logs and tests refer to, independent of the wording.</summary>
public static class GateRuleNames
{
    /// <summary>Every challenger prediction is finite, ≥ 0 and ≤ <see cref="GateOptions.MaxPredictionMinutes"/>.</summary>
    public const string PredictionSanity = "prediction-sanity";

    /// <summary>The month has at least <see cref="GateOptions.MinimumTrips"/> trips.</summary>
    public const string MinimumTrips = "minimum-trips";

    /// <summary>Challenger RMSE is strictly lower and ≤ (1 − <see cref="GateOptions.MinimumRelativeImprovement"/>) × champion RMSE.</summary>
    public const string RelativeImprovement = "relative-improvement";

    /// <summary>The day-block bootstrap lower bound of the mean squared-error gain is above 0.</summary>
    public const string BootstrapLowerBound = "bootstrap-lower-bound";

    /// <summary>Every slice with enough trips keeps challenger RMSE ≤ <see cref="GateOptions.SliceMaxRmseRatio"/> × champion's.</summary>
    public const string SliceRatio = "slice-ratio";

    /// <summary>Challenger scoring cost per row ≤ <see cref="GateOptions.MaxScoringCostRatio"/> × champion's.</summary>
    public const string ScoringCost = "scoring-cost";

    /// <summary>First model only: RMSE ≤ <see cref="GateOptions.AbsoluteMaxRmse"/>.</summary>
    public const string AbsoluteRmse = "absolute-rmse";

    /// <summary>First model only: RMSE strictly below always predicting the month's mean duration.</summary>
    public const string BeatsMeanBaseline = "beats-mean-baseline";
}
