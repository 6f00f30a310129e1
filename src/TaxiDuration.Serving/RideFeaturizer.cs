using TaxiDuration.Features;

namespace TaxiDuration.Serving;

/// <summary>
/// Turns a validated request into the row the model reads, through the training side's own
/// <see cref="TripFeaturizer.ForRide(int, int, double, DateTime)"/> so serving and training cannot disagree on a feature.
/// </summary>
public sealed class RideFeaturizer(TimeProvider clock)
{
    /// <summary>Featurizes a ride that passed <see cref="RideValidator"/>; a ride without a pickup time is dated
    /// "now in New York" (TLC timestamps are New York wall-clock times).</summary>
    public TripExample ToExample(RideRequest ride)
    {
        ArgumentNullException.ThrowIfNull(ride);
        if (ride is not { PickupLocationId: { } pickupZone, DropoffLocationId: { } dropoffZone, TripDistance: { } miles })
        {
            throw new ArgumentException("Only validated rides can be featurized: a zone or the distance is missing.", nameof(ride));
        }

        return ride.PickupDatetime is { } pickupTime
            ? TripFeaturizer.ForRide(pickupZone, dropoffZone, miles, pickupTime)
            : TripFeaturizer.ForRide(pickupZone, dropoffZone, miles, clock);
    }
}
