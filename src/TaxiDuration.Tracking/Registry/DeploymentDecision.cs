namespace TaxiDuration.Tracking;

/// <summary>
/// One decision of a deployment gate, kept append-only beside the alias history: which candidate was judged against
/// which champion, on which month, the verdict, the one-sentence reason, and every figure (as JSON) behind it.
/// </summary>
public sealed record DeploymentDecision(
    long Sequence,
    string ModelName,
    int CandidateVersion,
    int? ChampionVersion,
    string Month,
    string Verdict,
    string Reason,
    string DetailsJson,
    string Actor,
    DateTimeOffset DecidedAt);

/// <summary>A decision to record; the store numbers and timestamps it.</summary>
public sealed record NewDeploymentDecision(
    string ModelName,
    int CandidateVersion,
    int? ChampionVersion,
    string Month,
    string Verdict,
    string Reason,
    string DetailsJson,
    string Actor);
