namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// Day-block bootstrap of the mean paired squared-error gain. Trips of one day share weather, events and traffic,
/// so they are not independent; resampling whole days keeps that dependence and gives an honest lower bound.
/// <para>
/// The algorithm, exactly (so the numbers are reproducible): with D days ordered by date, per-day sums Sⱼ and counts
/// Nⱼ, create <c>new System.Random(seed)</c> (the seeded generator, whose sequence .NET keeps stable). For each of
/// the B resamples in turn, draw D day indices one after another with <c>random.Next(D)</c> (with replacement) and
/// record mean_b = Σ S_drawn / Σ N_drawn, which is the mean of dᵢ over the concatenated trips of the drawn days.
/// The lower bound is the k-th smallest mean_b with k = ⌈(1 − confidence)·B⌉ (at least 1): for B = 2,000 and 95 %,
/// the 100th smallest.
/// </para>
/// </summary>
internal static class DayBlockBootstrap
{
    /// <summary>mean_b for b = 0…B − 1, in the order they were drawn.</summary>
    public static double[] ResampleMeans(DayBlocks blocks, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var days = blocks.Sums.Length;
        var random = new Random(seed);
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            var count = 0L;
            for (var draw = 0; draw < days; draw++)
            {
                var day = random.Next(days);
                sum += blocks.Sums[day];
                count += blocks.Counts[day];
            }

            means[b] = sum / count;
        }

        return means;
    }

    /// <summary>
    /// The k-th smallest of <paramref name="means"/>, k = ⌈(1 − confidence)·B⌉ clamped to 1…B. A 1e-9 slack keeps
    /// binary rounding (1 − 0.95 is 0.05000000000000004) from moving k up by one.
    /// </summary>
    public static double LowerBound(IReadOnlyList<double> means, double confidence)
    {
        ArgumentNullException.ThrowIfNull(means);
        var sorted = means.ToArray();
        Array.Sort(sorted);
        var k = (int)Math.Ceiling(((1 - confidence) * sorted.Length) - 1e-9);
        return sorted[Math.Clamp(k, 1, sorted.Length) - 1];
    }
}
