namespace TaxiDuration.Reporting.Results;

/// <summary>The keys of <see cref="RunResult.Metrics"/> and <see cref="RunResult.Outputs"/> the levels share.</summary>
public static class ResultKeys
{
    public const string ValidationRmse = "validation_rmse";
    public const string TestRmse = "test_rmse";

    /// <summary>
    /// The course's linear model (PU_DO one-hot + distance, default ridge) on the run's validation month, when the run
    /// fitted it beside its winner: the ladder compares levels on this one model, so a better winner is not mistaken
    /// for the gain of a maturity step.
    /// </summary>
    public const string LinearValidationRmse = "linear_validation_rmse";
    public const string FitSeconds = "fit_seconds";
    public const string ElapsedSeconds = "elapsed_seconds";
    public const string ModelFile = "model_file";
    public const string ModelVersion = "model_version";
    public const string Trainer = "trainer";
    public const string FeatureSet = "feature_set";
    public const string RunId = "run_id";
    public const string RegisteredVersion = "registered_version";
    public const string SummaryFile = "summary_file";
}
