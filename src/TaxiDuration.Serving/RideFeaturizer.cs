using TaxiDuration.Features;
using TaxiDuration.Monitoring.Observation;
using TaxiDuration.Trips;

namespace TaxiDuration.Serving;

/// <summary>
/// Turns a validated request into the ride as observed (pickup time resolved) and into the row the model reads,
/// through the training side's own <see cref="TripFeaturizer.ForRide"/>, so serving and training cannot disagree
/// on a feature.
/// </summary>
public sealed class RideFeaturizer(TimeProvider clock)
{
    /// <summary>The ride as the service saw it; without a pickup time it is dated "now in New York" (TLC
    /// timestamps are New York wall-clock times).</summary>
    public ObservedRide Observe(RideRequest ride)
    {
        ArgumentNullException.ThrowIfNull(ride);
        if (ride is not { PickupLocationId: { } pickupZone, DropoffLocationId: { } dropoffZone, TripDistance: { } miles })
        {
            throw new ArgumentException("Only validated rides can be featurized: a zone or the distance is missing.", nameof(ride));
        }

        return new ObservedRide(pickupZone, dropoffZone, miles, ride.PickupDatetime ?? NycTime.Now(clock), ride.TripKey);
    }

    /// <summary>The model's row for an observed ride (the target left at zero).</summary>
    public static TripExample ToExample(in ObservedRide ride) =>
        TripFeaturizer.ForRide(ride.PickupZone, ride.DropoffZone, ride.TripDistance, ride.PickupTime);
}
