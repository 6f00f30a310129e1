using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Deployment.Tests.Gate;

/// <summary>
/// Seeded generated months for the statistical cases: trips spread evenly over the days, uniform hours, a skewed
/// zone mix (zone 1 busiest), durations that grow with distance, and independent normal errors for both models.
/// </summary>
internal static class SyntheticMonth
{
    public static PairedTrip[] Generate(int seed = 7, int trips = 6_000, int days = 30, double championSd = 6, double challengerSd = 4)
    {
        var random = new Random(seed);
        var month = new PairedTrip[trips];
        for (var i = 0; i < trips; i++)
        {
            var distance = 0.5 + (8 * random.NextDouble());
            var zone = 1 + (int)(40 * Math.Pow(random.NextDouble(), 2));
            var actual = 25 + (2 * distance) + Normal(random, 3);
            var champion = actual + Normal(random, championSd);
            var challenger = actual + Normal(random, challengerSd);
            month[i] = Trips.Make(i % days, random.Next(24), actual, challenger, champion, distance, zone, random.Next(60));
        }

        return month;
    }

    /// <summary>The same trips with the challenger's prediction replaced.</summary>
    public static PairedTrip[] WithChallenger(IEnumerable<PairedTrip> trips, Func<PairedTrip, double> challenger) =>
        trips.Select(trip => trip with { ChallengerMinutes = challenger(trip) }).ToArray();

    /// <summary>A challenger whose error on every trip is <paramref name="scale"/> × the champion's.</summary>
    public static double ScaledChampionError(PairedTrip trip, double scale) => trip.ActualMinutes + (scale * Trips.ChampionError(trip));

    private static double Normal(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
