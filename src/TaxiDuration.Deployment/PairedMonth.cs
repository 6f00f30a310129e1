using TaxiDuration.Deployment.Gate;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Deployment;

/// <summary>Turns a prepared month and two models' predictions into the gate's paired trips.</summary>
public static class PairedMonth
{
    public static PairedTrip[] Trips(PreparedMonth month, IReadOnlyList<float> challenger, IReadOnlyList<float>? champion)
    {
        var examples = month.Features.Examples;
        var pickups = month.Features.PickupTimes;
        var trips = new PairedTrip[examples.Count];
        for (var i = 0; i < trips.Length; i++)
        {
            var example = examples[i];
            trips[i] = new PairedTrip(
                pickups[i],
                (int)example.PickupHour,
                (DayOfWeek)(int)example.PickupDayOfWeek,
                example.TripDistance,
                int.Parse(example.PickupLocation, System.Globalization.CultureInfo.InvariantCulture),
                example.Duration,
                challenger[i],
                champion?[i]);
        }

        return trips;
    }
}
