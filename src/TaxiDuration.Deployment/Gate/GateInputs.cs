namespace TaxiDuration.Deployment.Gate;

/// <summary>What a decision was made on, so a report read months later still says which models and data were compared.</summary>
/// <param name="Month">The gate month's name.</param>
/// <param name="Challenger">The challenger's identity and cost.</param>
/// <param name="Champion">The champion's identity and cost; null for a first model.</param>
/// <param name="Trips">Trips compared.</param>
/// <param name="Days">Calendar days they span (the bootstrap's blocks).</param>
/// <param name="ChallengerRmse">Challenger RMSE over the month, minutes.</param>
/// <param name="ChampionRmse">Champion RMSE over the month, minutes; null for a first model.</param>
/// <param name="MeanBaselineRmse">RMSE of always predicting the month's mean duration, minutes.</param>
public sealed record GateInputs(
    string Month,
    ScoredModel Challenger,
    ScoredModel? Champion,
    int Trips,
    int Days,
    double ChallengerRmse,
    double? ChampionRmse,
    double MeanBaselineRmse);
