using System.Globalization;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Deployment.Replay;

/// <summary>
/// A month's trips as a client would send them to the service: the request's fields only (what is known when the
/// ride is requested), plus a <c>trip_key</c> that joins the prediction log to the labels landing later.
/// </summary>
public static class ReplayRides
{
    /// <summary>The key of trip <paramref name="index"/> of <paramref name="month"/>: stable across replays of the same month.</summary>
    public static string TripKey(PreparedMonth month, int index)
    {
        ArgumentNullException.ThrowIfNull(month);
        return $"{month.File.Month.YearMonth}-{index:D7}";
    }

    /// <summary>The JSON body of trip <paramref name="index"/>, as <c>/predict</c> takes it (and each ride of <c>/predict/batch</c>).</summary>
    public static Dictionary<string, object> Body(PreparedMonth month, int index)
    {
        ArgumentNullException.ThrowIfNull(month);
        var example = month.Features.Examples[index];
        return new Dictionary<string, object>
        {
            ["PULocationID"] = int.Parse(example.PickupLocation, CultureInfo.InvariantCulture),
            ["DOLocationID"] = int.Parse(example.DropoffLocation, CultureInfo.InvariantCulture),
            // Unrounded (JSON writes a float's shortest exact form): the service judges the distance the replay filtered on.
            ["trip_distance"] = example.TripDistance,
            ["pickup_datetime"] = month.Features.PickupTimes[index].ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["trip_key"] = TripKey(month, index),
        };
    }
}
