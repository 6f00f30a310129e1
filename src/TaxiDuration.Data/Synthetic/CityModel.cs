using TaxiDuration.Trips;

namespace TaxiDuration.Data.Synthetic;

/// <summary>
/// A toy New York of the 265 TLC taxi zones: where each zone lies (miles on a plane), how congested it is, how
/// popular it is as a pickup, and where trips from it tend to go (near, popular zones). The geography comes from
/// a fixed seed so every month and every generator seed share one city — a model trained on one synthetic month
/// must transfer to the next, exactly as with real data. Only popularity depends on the scenario.
/// </summary>
internal sealed class CityModel
{
    public const int ZoneCount = TaxiZones.MaxId;

    private const int GeographySeed = 20210101;
    private const double RoadDetour = 1.3;
    private const double NeighbourhoodMiles = 1.6;
    private const double LongTripShare = 0.05;

    /// <summary>Hub clusters like the real ones: Harlem, Queens (Astoria, Elmhurst), Brooklyn, the Bronx.</summary>
    private static readonly (double X, double Y, int[] Zones)[] Clusters =
    [
        (0.0, 5.0, [74, 75, 41, 42, 43, 166, 244, 152, 116, 24]),
        (6.0, 2.0, [7, 82, 95, 129, 260, 56, 92, 179, 223]),
        (2.0, -6.0, [97, 65, 181, 255, 256, 61, 25, 33, 66, 189, 17, 225, 36, 37, 112, 80]),
        (2.0, 10.0, [69, 247, 159, 168, 119, 212, 213, 78, 235, 60]),
    ];

    private readonly double[] x = new double[ZoneCount];
    private readonly double[] y = new double[ZoneCount];
    private readonly double[] congestion = new double[ZoneCount];
    private readonly WeightedChoice pickupZones;
    private readonly WeightedChoice[] dropoffZones = new WeightedChoice[ZoneCount];

    public CityModel(IReadOnlyList<int> hubs)
    {
        var geography = new Random(GeographySeed);
        PlaceZones(geography);
        var popularity = Popularity(hubs, geography);
        pickupZones = new WeightedChoice(popularity);
        for (var from = 0; from < ZoneCount; from++)
        {
            dropoffZones[from] = new WeightedChoice(DropoffWeights(from, popularity));
        }
    }

    /// <summary>A pickup zone id (1–265) drawn by popularity.</summary>
    public int SamplePickup(Random random) => pickupZones.Draw(random) + 1;

    /// <summary>A drop-off zone id for a trip from <paramref name="pickupZone"/>: mostly nearby, sometimes across town.</summary>
    public int SampleDropoff(int pickupZone, Random random) => dropoffZones[pickupZone - 1].Draw(random) + 1;

    /// <summary>Road miles between two random points of the two zones.</summary>
    public double SampleDistance(int pickupZone, int dropoffZone, Random random)
    {
        const double WithinZoneSpread = 0.35;
        var dx = x[dropoffZone - 1] - x[pickupZone - 1] + (WithinZoneSpread * (random.NextGaussian() - random.NextGaussian()));
        var dy = y[dropoffZone - 1] - y[pickupZone - 1] + (WithinZoneSpread * (random.NextGaussian() - random.NextGaussian()));
        return (0.2 + (RoadDetour * Math.Sqrt((dx * dx) + (dy * dy)))) * Math.Exp(0.08 * random.NextGaussian());
    }

    /// <summary>Speed multiplier of a zone pair: below 1 where streets are busy (the hubs), above 1 where they are not.</summary>
    public double SpeedFactor(int pickupZone, int dropoffZone) => Math.Sqrt(congestion[pickupZone - 1] * congestion[dropoffZone - 1]);

    private void PlaceZones(Random geography)
    {
        for (var zone = 0; zone < ZoneCount; zone++)
        {
            // Uniform over a 13-mile disc; zones that belong to a cluster are moved next to it below.
            var radius = 13.0 * Math.Sqrt(geography.NextDouble());
            var angle = 2 * Math.PI * geography.NextDouble();
            x[zone] = radius * Math.Cos(angle);
            y[zone] = radius * Math.Sin(angle);
            congestion[zone] = 0.95 + (0.3 * geography.NextDouble());
        }

        foreach (var (clusterX, clusterY, zones) in Clusters)
        {
            foreach (var id in zones)
            {
                x[id - 1] = clusterX + (0.9 * geography.NextGaussian());
                y[id - 1] = clusterY + (0.9 * geography.NextGaussian());
                congestion[id - 1] = 0.75 + (0.2 * geography.NextDouble());
            }
        }
    }

    private static double[] Popularity(IReadOnlyList<int> hubs, Random geography)
    {
        var popularity = new double[ZoneCount];
        for (var zone = 0; zone < ZoneCount; zone++)
        {
            // Cubing a uniform draw gives the long tail of rarely used zones the real data has.
            popularity[zone] = 0.05 + (2.0 * Math.Pow(geography.NextDouble(), 3));
        }

        var hubWeight = 40.0;
        foreach (var hub in hubs)
        {
            popularity[hub - 1] = hubWeight;
            hubWeight *= 0.85;
        }

        return popularity;
    }

    private double[] DropoffWeights(int from, double[] popularity)
    {
        var total = popularity.Sum();
        var near = new double[ZoneCount];
        var nearTotal = 0.0;
        for (var to = 0; to < ZoneCount; to++)
        {
            var miles = Math.Sqrt(Math.Pow(x[to] - x[from], 2) + Math.Pow(y[to] - y[from], 2));
            near[to] = Math.Pow(popularity[to], 0.6) * Math.Exp(-miles / NeighbourhoodMiles);
            nearTotal += near[to];
        }

        // A mixture: mostly short hops to nearby zones, plus a share of cross-town trips to popular ones.
        var weights = new double[ZoneCount];
        for (var to = 0; to < ZoneCount; to++)
        {
            weights[to] = ((1 - LongTripShare) * near[to] / nearTotal) + (LongTripShare * popularity[to] / total);
        }

        return weights;
    }
}
