namespace TaxiDuration.TrainingPipeline;

/// <summary>Where a pipeline run is: a stage, and within it how many of how many steps are done.</summary>
/// <param name="Stage">e.g. "ingest", "candidates", "search", "evaluate", "register".</param>
/// <param name="Completed">Steps of the stage done so far.</param>
/// <param name="Total">Steps in the stage.</param>
/// <param name="Detail">What just finished, for a log line (e.g. "trial 3: lightgbm(...) RMSE 5.41").</param>
public sealed record PipelineProgress(string Stage, int Completed, int Total, string Detail);
