using TaxiDuration.Trips;

namespace TaxiDuration.Data.Synthetic;

/// <summary>
/// Makes one trip: zones by popularity, distance from the zones' geometry, duration from distance over the
/// hour's street speed (slower in busy zones and rush hours) with noise, then the planned defect and the fare
/// columns. Duration therefore depends on PU/DO, distance and hour, which is what the models must learn.
/// </summary>
internal sealed class SyntheticTripFactory(TaxiMonth month, CityModel city, ScenarioProfile profile, Random random)
{
    private const double StopMinutes = 1.5;
    private const double IncidentShare = 0.04;
    private const double IncidentMeanMinutes = 6.0;

    /// <summary>Real files carry a handful of trips stamped 2009-01-01: meters whose clock was reset.</summary>
    private static readonly DateTime MeterClockReset = new(2009, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public SyntheticTrip Create(TripDefect defect, bool lacksMeterFields)
    {
        var pickup = TrafficModel.SamplePickup(month, random);
        var pickupZone = city.SamplePickup(random);
        var dropoffZone = city.SampleDropoff(pickupZone, random);
        var miles = city.SampleDistance(pickupZone, dropoffZone, random);
        var mph = TrafficModel.SpeedMph(pickup) * city.SpeedFactor(pickupZone, dropoffZone) * profile.SpeedFactor
            * HighwayFactor(miles) * Math.Exp(0.12 * random.NextGaussian());
        var minutes = StopMinutes + (60.0 * miles / mph);
        if (random.NextDouble() < IncidentShare)
        {
            minutes += -IncidentMeanMinutes * Math.Log(1.0 - random.NextDouble());
        }

        switch (defect)
        {
            case TripDefect.ZeroDistance:
                miles = 0;
                break;
            case TripDefect.SubMinute:
                minutes = random.NextDouble(0, 0.98);
                miles = random.NextDouble() < 0.7 ? 0 : miles * 0.05;
                break;
            case TripDefect.LongTrip:
                minutes = random.NextDouble(61, 180);
                break;
            case TripDefect.MultiDay:
                minutes += random.NextDouble(1, 3) * 24 * 60;
                break;
            case TripDefect.NegativeDuration:
                minutes = -random.NextDouble(1, 30);
                break;
            case TripDefect.OutsideMonth:
                pickup = random.NextDouble() < 0.7
                    ? month.Start.AddSeconds(-random.Next(1, 6 * 3600))
                    : MeterClockReset.AddSeconds(random.Next(24 * 3600));
                break;
        }

        miles = Math.Round(miles, 2);
        var dropoff = pickup.AddSeconds(Math.Round(minutes * 60));
        return WithFare(pickup, dropoff, pickupZone, dropoffZone, miles, minutes, lacksMeterFields);
    }

    /// <summary>Longer trips use expressways for part of the way: up to 60 % faster than street speed.</summary>
    private static double HighwayFactor(double miles) => 1.0 + (0.6 * (1.0 - Math.Exp(-miles / 6.0)));

    private SyntheticTrip WithFare(DateTime pickup, DateTime dropoff, int pickupZone, int dropoffZone, double miles, double minutes, bool lacksMeterFields)
    {
        var fare = Money(3.0 + (2.5 * miles) + (0.5 * Math.Clamp(minutes, 0, 120)));
        var extra = pickup.Hour is >= 20 or < 6 ? 0.5 : !TrafficModel.IsWeekend(pickup) && pickup.Hour is >= 16 and < 20 ? 1.0 : 0.0;
        const double MtaTax = 0.5;
        var paymentType = Pick(0.55, 1L, Pick(0.96, 2L, Pick(0.5, 3L, 4L)));
        var tip = paymentType == 1 ? Money(fare * random.NextDouble(0.1, 0.25)) : 0.0;
        var tolls = random.NextDouble() < 0.02 ? 6.55 : 0.0;
        var improvement = month.Year >= 2023 ? 1.0 : 0.3;
        var congestion = random.NextDouble() < 0.12 ? 2.75 : 0.0;
        var total = Money(fare + extra + MtaTax + tip + tolls + improvement + (lacksMeterFields ? 0 : congestion));
        return new SyntheticTrip(
            VendorId: lacksMeterFields || random.NextDouble() < 0.85 ? 2 : 1,
            Pickup: pickup,
            Dropoff: dropoff,
            StoreAndForwardFlag: lacksMeterFields ? null : Pick(0.995, "N", "Y"),
            RatecodeId: lacksMeterFields ? null : Pick(0.96, 1L, Pick(0.75, 5L, 2L)),
            PickupLocationId: pickupZone,
            DropoffLocationId: dropoffZone,
            PassengerCount: lacksMeterFields ? null : Pick(0.85, 1L, Pick(0.55, 2L, random.Next(0, 7))),
            TripDistance: miles,
            FareAmount: fare,
            Extra: extra,
            MtaTax: MtaTax,
            TipAmount: tip,
            TollsAmount: tolls,
            EhailFee: null,
            ImprovementSurcharge: improvement,
            TotalAmount: total,
            PaymentType: lacksMeterFields ? null : paymentType,
            TripType: lacksMeterFields ? null : Pick(0.97, 1L, 2L),
            CongestionSurcharge: lacksMeterFields ? null : congestion);
    }

    private T Pick<T>(double firstShare, T first, T otherwise) => random.NextDouble() < firstShare ? first : otherwise;

    private static double Money(double amount) => Math.Round(amount, 2);
}
