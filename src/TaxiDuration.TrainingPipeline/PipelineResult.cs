using TaxiDuration.Tracking;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.TrainingPipeline;

/// <summary>What a finished run produced: the winner, its scores, the registered version and the summary.</summary>
/// <param name="ProfilePath">The winner's reference profile (its validation month), registered beside the model.</param>
public sealed record PipelineResult(
    string RunId,
    TrialOutcome Best,
    RegressionQuality Validation,
    RegressionQuality? Test,
    ModelVersion RegisteredVersion,
    IReadOnlyList<TrialOutcome> Trials,
    PreparedMonths Months,
    string ModelPath,
    string ProfilePath,
    string SummaryPath,
    TimeSpan Elapsed);
