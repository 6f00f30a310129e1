namespace TaxiDuration.Trips;

/// <summary>
/// What a pass over trips does with each one's five required values, the ones the features need: one rule per trip,
/// whether the trips come as records or as columns (<see cref="TripColumns.ForEachTrip{TVisitor}(TVisitor)"/>).
/// </summary>
public interface ITripVisitor
{
    void Visit(DateTime? pickupTime, DateTime? dropoffTime, int? pickupLocationId, int? dropoffLocationId, double? tripDistance);
}
