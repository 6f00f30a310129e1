namespace TaxiDuration.Monitoring.Observation;

/// <summary>
/// One ride as a service received it: the inputs a prediction log keeps so that, once the trip's real duration is
/// known, the prediction can be judged and the inputs compared with the model's reference.
/// </summary>
/// <param name="PickupTime">New York wall-clock time, as in the TLC records (the request's, or "now" when it gave none).</param>
/// <param name="TripKey">The caller's id for the trip, which ground truth (labels) is joined on later; optional.</param>
public readonly record struct ObservedRide(int PickupZone, int DropoffZone, double TripDistance, DateTime PickupTime, string? TripKey);
