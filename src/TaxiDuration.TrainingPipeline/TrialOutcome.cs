using TaxiDuration.TrainingPipeline.Search;

namespace TaxiDuration.TrainingPipeline;

/// <summary>One fitted candidate or search trial as the summary lists it.</summary>
/// <param name="RunId">Its child run in the experiment store.</param>
/// <param name="Stage">"candidates" (defaults) or "search".</param>
public sealed record TrialOutcome(string RunId, string Stage, int Index, Candidate Candidate, double ValidationRmse, double ValidationMae, double FitSeconds);
