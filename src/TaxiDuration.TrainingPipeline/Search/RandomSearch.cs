namespace TaxiDuration.TrainingPipeline.Search;

/// <summary>
/// Seeded random search (Bergstra &amp; Bengio 2012): with few trials it beats a grid because every trial tries a
/// new value of every parameter. The same seed and space always give the same trials, so a run is reproducible.
/// </summary>
public sealed class RandomSearch
{
    private readonly IReadOnlyList<ParameterRange> space;
    private readonly int seed;

    public RandomSearch(IReadOnlyList<ParameterRange> space, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        var duplicate = space.GroupBy(range => range.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Parameter '{duplicate.Key}' appears twice in the search space.", nameof(space));
        }

        this.space = space;
        this.seed = seed;
    }

    /// <summary>The first <paramref name="count"/> trials' parameter values, by parameter name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Trials(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var trials = new List<IReadOnlyDictionary<string, double>>(count);
        for (var trial = 0; trial < count; trial++)
        {
            trials.Add(space.ToDictionary(range => range.Name, range => range.Sample(random)));
        }

        return trials;
    }
}
