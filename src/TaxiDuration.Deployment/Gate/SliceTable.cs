using System.Globalization;

namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// Builds the slice table in one pass over the trips: every trip adds its squared errors to one hour band, one
/// distance tercile, one day type and, if its zone is among the busiest, one zone slice.
/// </summary>
internal static class SliceTable
{
    private const int Terciles = 3;
    private const int DayTypes = 2;

    public static IReadOnlyList<SliceResult> Build(PairedScores scores, GateOptions options)
    {
        var trips = scores.Trips;
        var terciles = DistanceTerciles.From(trips);
        var zones = TopZones(trips, options.TopPickupZones);
        var zoneIndex = zones.Select((zone, index) => (zone, index)).ToDictionary(pair => pair.zone, pair => pair.index);
        var tercileStart = HourBands.All.Count;
        var zoneStart = tercileStart + Terciles;
        var dayTypeStart = zoneStart + zones.Count;
        var sums = new SliceSums[dayTypeStart + DayTypes];

        foreach (var trip in trips)
        {
            var challenger = Square(trip.ChallengerMinutes - trip.ActualMinutes);
            var champion = trip.ChampionMinutes is { } value ? Square(value - trip.ActualMinutes) : 0;
            sums[HourBands.IndexOf(trip.PickupHour)].Add(champion, challenger);
            sums[tercileStart + terciles.IndexOf(trip.DistanceMiles)].Add(champion, challenger);
            sums[dayTypeStart + (IsWeekend(trip.Weekday) ? 1 : 0)].Add(champion, challenger);
            if (zoneIndex.TryGetValue(trip.PickupZoneId, out var zone))
            {
                sums[zoneStart + zone].Add(champion, challenger);
            }
        }

        var definitions = Definitions(terciles, zones);
        var hasChampion = scores.Champion is not null;
        return definitions.Select((definition, index) => sums[index].ToResult(definition, hasChampion, options)).ToArray();
    }

    /// <summary>The <paramref name="count"/> zones with the most trips; ties go to the lower zone id, so the choice is deterministic.</summary>
    private static List<int> TopZones(IReadOnlyList<PairedTrip> trips, int count) =>
        trips.CountBy(trip => trip.PickupZoneId)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Take(count)
            .Select(pair => pair.Key)
            .ToList();

    private static List<(string Family, string Slice, string Definition)> Definitions(DistanceTerciles terciles, List<int> zones)
    {
        var low = terciles.LowEdge.ToString("0.00", CultureInfo.InvariantCulture);
        var high = terciles.HighEdge.ToString("0.00", CultureInfo.InvariantCulture);
        var definitions = HourBands.All.Select(band => (SliceFamilies.HourBand, band.Name, band.Definition)).ToList();
        definitions.Add((SliceFamilies.DistanceTercile, "short", $"distance ≤ {low} mi"));
        definitions.Add((SliceFamilies.DistanceTercile, "medium", $"{low} mi < distance ≤ {high} mi"));
        definitions.Add((SliceFamilies.DistanceTercile, "long", $"distance > {high} mi"));
        definitions.AddRange(zones.Select((zone, rank) =>
            (SliceFamilies.PickupZone, $"zone {zone.ToString(CultureInfo.InvariantCulture)}", $"pickup zone {zone.ToString(CultureInfo.InvariantCulture)} (#{(rank + 1).ToString(CultureInfo.InvariantCulture)} by trips)")));
        definitions.Add((SliceFamilies.DayType, "weekday", "Monday–Friday"));
        definitions.Add((SliceFamilies.DayType, "weekend", "Saturday, Sunday"));
        return definitions;
    }

    private static bool IsWeekend(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static double Square(double value) => value * value;

    private struct SliceSums
    {
        private int trips;
        private double championSquares;
        private double challengerSquares;

        public void Add(double championSquare, double challengerSquare)
        {
            trips++;
            championSquares += championSquare;
            challengerSquares += challengerSquare;
        }

        public readonly SliceResult ToResult((string Family, string Slice, string Definition) definition, bool hasChampion, GateOptions options)
        {
            var challengerRmse = Math.Sqrt(challengerSquares / trips);
            if (!hasChampion)
            {
                return new SliceResult(definition.Family, definition.Slice, definition.Definition, trips, null, challengerRmse, null, false, true);
            }

            var championRmse = Math.Sqrt(championSquares / trips);
            var ratio = GateMath.Ratio(challengerRmse, championRmse);
            var isChecked = trips >= options.SliceMinimumTrips;
            var passed = !isChecked || ratio <= options.SliceMaxRmseRatio;
            return new SliceResult(definition.Family, definition.Slice, definition.Definition, trips, championRmse, challengerRmse, ratio, isChecked, passed);
        }
    }
}
