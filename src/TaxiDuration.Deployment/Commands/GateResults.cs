using TaxiDuration.Deployment.Gate;
using TaxiDuration.Reporting.Results;

namespace TaxiDuration.Deployment.Commands;

/// <summary>A gate run as the <c>result.json</c> the Cake build and the CD workflow read.</summary>
public static class GateResults
{
    public const string Verdict = "verdict";
    public const string Promoted = "promoted";
    public const string Candidate = "candidate";
    public const string Champion = "champion";
    public const string DecisionSequence = "decision_sequence";
    public const string CandidateRmse = "candidate_rmse";
    public const string ChampionRmse = "champion_rmse";

    public static RunResult ToRunResult(GateOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var inputs = outcome.Decision.Inputs;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [CandidateRmse] = inputs.ChallengerRmse,
            ["candidate_seconds_per_row"] = outcome.CandidateSecondsPerRow,
        };
        if (inputs.ChampionRmse is { } championRmse)
        {
            metrics[ChampionRmse] = championRmse;
        }

        var month = outcome.Month;
        return new RunResult
        {
            Level = 3,
            Host = "levels/level3/Training gate",
            Summary = $"gate #{outcome.Recorded.Sequence}: {outcome.Candidate.Uri} vs {outcome.Champion?.Uri ?? "no champion"} on {month.File.Month}: {outcome.Decision.Verdict}",
            Data = [new DataUse(month.Role, month.File.Month.ToString(), month.File.Origin.ToString(), month.File.Path, month.Features.RawRows, month.Features.KeptRows)],
            Metrics = metrics,
            Outputs = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [Verdict] = outcome.Decision.Verdict.ToString(),
                [Promoted] = outcome.Promoted ? "true" : "false",
                [Candidate] = outcome.Candidate.Uri,
                [Champion] = outcome.Champion?.Uri ?? "",
                [DecisionSequence] = outcome.Recorded.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ResultKeys.SummaryFile] = outcome.ReportPath,
            },
        };
    }
}
