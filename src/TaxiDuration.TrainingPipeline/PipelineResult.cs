using TaxiDuration.Features.Preparation;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Evaluation;

namespace TaxiDuration.TrainingPipeline;

/// <summary>What a finished run produced: the winner, its scores, the registered version and the summary.</summary>
public sealed record PipelineResult(
    string RunId,
    TrialOutcome Best,
    RegressionQuality Validation,
    RegressionQuality? Test,
    ModelVersion RegisteredVersion,
    IReadOnlyList<TrialOutcome> Trials,
    IReadOnlyList<PreparedMonth> Months,
    string ModelPath,
    string SummaryPath,
    TimeSpan Elapsed);
