namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// The month cut into calendar days of the pickup time, each reduced to the sum of its paired differences
/// dᵢ = (championᵢ − actualᵢ)² − (challengerᵢ − actualᵢ)² and its trip count. That is all the bootstrap needs, so a
/// resample costs O(days) instead of O(trips).
/// </summary>
/// <param name="Days">The dates, ascending: the order the bootstrap's random day indices refer to.</param>
/// <param name="Sums">Σ dᵢ over each day's trips, min².</param>
/// <param name="Counts">Trips of each day.</param>
internal sealed record DayBlocks(IReadOnlyList<DateOnly> Days, double[] Sums, int[] Counts)
{
    /// <summary>Groups a month with a champion; days are ordered by date so trip order cannot change the result.</summary>
    public static DayBlocks From(IReadOnlyList<PairedTrip> trips)
    {
        var byDay = new SortedDictionary<DateOnly, (double Sum, int Count)>();
        foreach (var trip in trips)
        {
            var day = DateOnly.FromDateTime(trip.PickupTime);
            var champion = trip.ChampionMinutes!.Value - trip.ActualMinutes;
            var challenger = trip.ChallengerMinutes - trip.ActualMinutes;
            var gain = (champion * champion) - (challenger * challenger);
            byDay[day] = byDay.TryGetValue(day, out var block) ? (block.Sum + gain, block.Count + 1) : (gain, 1);
        }

        return new DayBlocks(
            byDay.Keys.ToArray(),
            byDay.Values.Select(block => block.Sum).ToArray(),
            byDay.Values.Select(block => block.Count).ToArray());
    }
}
