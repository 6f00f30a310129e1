using TaxiDuration.Deployment.Gate;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Deployment;

/// <summary>What a gate run did: the decision, the exact versions it judged, the recorded entry, whether it promoted, and its report.</summary>
public sealed record GateOutcome(
    GateDecision Decision,
    ModelVersion Candidate,
    ModelVersion? Champion,
    DeploymentDecision Recorded,
    bool Promoted,
    string ReportPath,
    PreparedMonth Month,
    double CandidateSecondsPerRow,
    double? ChampionSecondsPerRow);
