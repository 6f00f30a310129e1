namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// One trip of the gate month scored by both models, with the attributes the gate slices on. The gate compares the
/// models trip by trip (paired), so differences between trips cancel out and only the models' differences remain.
/// </summary>
/// <param name="PickupTime">NYC local pickup time; its calendar date is the trip's bootstrap block (one day).</param>
/// <param name="PickupHour">Hour of the pickup, 0–23: decides the hour band.</param>
/// <param name="Weekday">Day of the week of the pickup: decides weekday vs weekend.</param>
/// <param name="DistanceMiles">Trip distance in miles: decides the distance tercile.</param>
/// <param name="PickupZoneId">TLC pickup zone id: the busiest zones are slices of their own.</param>
/// <param name="ActualMinutes">The real duration, minutes: the label both models are judged against.</param>
/// <param name="ChallengerMinutes">The challenger's prediction, minutes (may be insane: the gate checks it).</param>
/// <param name="ChampionMinutes">The champion's prediction, minutes; null exactly when there is no champion yet.</param>
public readonly record struct PairedTrip(
    DateTime PickupTime,
    int PickupHour,
    DayOfWeek Weekday,
    double DistanceMiles,
    int PickupZoneId,
    double ActualMinutes,
    double ChallengerMinutes,
    double? ChampionMinutes);
