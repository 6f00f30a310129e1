using TaxiDuration.Data.Catalog;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Trips;

namespace TaxiDuration.TrainingPipeline;

/// <summary>
/// The level-2 goals, with the data they are defined on: real green 2021-01 (train) → 2021-02 (validation), the
/// course's months. Other months or synthetic data give figures that say nothing against these targets.
/// </summary>
public static class Level2Goals
{
    /// <summary>Best validation RMSE in minutes; the course's tuned XGBoost reaches 6.30.</summary>
    public const double ValidationRmse = 5.6;

    /// <summary>The whole pipeline on a 2-core machine.</summary>
    public static readonly TimeSpan Pipeline = TimeSpan.FromMinutes(3);

    private static readonly TaxiMonth GoalTrain = TaxiMonth.Parse("green 2021-01");
    private static readonly TaxiMonth GoalValidation = TaxiMonth.Parse("green 2021-02");

    public static IReadOnlyList<GoalCheck> Check(PipelineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var applies = result.Months.All.All(month => month.File.Origin != DataOrigin.Synthetic)
            && result.Months.Train.File.Month == GoalTrain
            && result.Months.Validation.File.Month == GoalValidation;
        return
        [
            new GoalCheck("validation RMSE", $"≤ {ValidationRmse} min", result.Validation.Rmse, result.Validation.Rmse <= ValidationRmse, applies),
            new GoalCheck("pipeline time", $"≤ {Pipeline.TotalSeconds:0} s", result.Elapsed.TotalSeconds, result.Elapsed <= Pipeline, applies),
        ];
    }
}
