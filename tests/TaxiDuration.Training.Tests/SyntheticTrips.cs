using TaxiDuration.Features;

namespace TaxiDuration.Training.Tests;

/// <summary>
/// Small in-memory trip sets with a known generating rule, so a test can check a learner against the truth:
/// duration = <see cref="Intercept"/> + <see cref="MinutesPerMile"/>·distance + the pair's own offset (+ noise).
/// </summary>
internal static class SyntheticTrips
{
    public const double Intercept = 4;
    public const double MinutesPerMile = 3;

    /// <summary>Offset of each pickup→drop-off pair in minutes: what the one-hot weights must recover.</summary>
    public static IReadOnlyDictionary<string, double> PairOffsets { get; } = new Dictionary<string, double>
    {
        ["1_2"] = 2.5,
        ["1_3"] = -1.5,
        ["2_3"] = 6,
        ["3_1"] = 0.5,
        ["4_4"] = -3,
    };

    public static List<TripExample> Generate(int count, int seed, double noise = 0)
    {
        var random = new Random(seed);
        var pairs = PairOffsets.Keys.ToArray();
        var trips = new List<TripExample>(count);
        for (var i = 0; i < count; i++)
        {
            var pair = pairs[i % pairs.Length];
            var zones = pair.Split('_');
            var distance = (float)Math.Round(0.5 + (random.NextDouble() * 8), 2);
            var duration = Intercept + (MinutesPerMile * distance) + PairOffsets[pair] + (noise * (random.NextDouble() - 0.5));
            trips.Add(new TripExample
            {
                PickupLocation = zones[0],
                DropoffLocation = zones[1],
                PickupDropoff = pair,
                TripDistance = distance,
                PickupHour = i % 24,
                PickupDayOfWeek = i % 7,
                Duration = (float)duration,
            });
        }

        return trips;
    }
}
