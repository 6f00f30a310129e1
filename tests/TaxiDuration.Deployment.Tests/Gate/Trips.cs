using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>Hand-built trips and the models they are scored by, for cases whose numbers can be checked by hand.</summary>
internal static class Trips
{
    /// <summary>Wednesday 1 May 2024: day 0 of every test month.</summary>
    public static readonly DateTime FirstDay = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static readonly ScoredModel Champion = new("taxi-duration/7", 1.0e-4);

    public static readonly ScoredModel Challenger = new("taxi-duration/8", 1.2e-4);

    public const string Month = "2024-05";

    /// <summary>A trip on day <paramref name="day"/> of May 2024 at <paramref name="hour"/>, with weekday and hour consistent with its time.</summary>
    public static PairedTrip Make(
        int day, int hour, double actual, double challenger, double? champion, double distance = 2.0, int zone = 161, int minute = 0)
    {
        var pickup = FirstDay.AddDays(day).AddHours(hour).AddMinutes(minute);
        return new PairedTrip(pickup, hour, pickup.DayOfWeek, distance, zone, actual, challenger, champion);
    }

    public static PairedScores Compare(IReadOnlyList<PairedTrip> trips, ScoredModel? challenger = null) =>
        new(Month, challenger ?? Challenger, Champion, trips);

    /// <summary>The same trips with no champion: the first-model case.</summary>
    public static PairedScores FirstModel(IEnumerable<PairedTrip> trips) =>
        new(Month, Challenger, null, trips.Select(trip => trip with { ChampionMinutes = null }).ToArray());

    /// <summary>Options for small hand-built cases: every size limit down to one trip, fewer resamples.</summary>
    public static GateOptions Small(int slices = 1) => new() { MinimumTrips = 1, SliceMinimumTrips = slices, BootstrapResamples = 200 };

    public static double ChampionError(PairedTrip trip) => trip.ChampionMinutes!.Value - trip.ActualMinutes;
}
