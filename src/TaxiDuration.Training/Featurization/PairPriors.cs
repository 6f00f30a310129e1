using TaxiDuration.Features;
using TaxiDuration.Trips;

namespace TaxiDuration.Training.Featurization;

/// <summary>
/// The zone pair's duration prior: the mean duration of the training month's trips between the same pickup and
/// drop-off zones, pulled toward the month's mean when the pair has few trips. A trip's own duration must not be in
/// its prior, or a model learns to trust the prior of rare pairs that only "know" the trip itself; so each training
/// row gets the prior of the other folds (out of fold), and a request gets the prior of the whole month. A pair with
/// no trips gets the blend with nothing: the month's mean, a neutral prior, never a number that looks like a short
/// trip (a 0 for "unknown" made the trees predict 0 minutes for new pairs).
/// </summary>
/// <param name="Month">Prior of every pair of valid zones (about 70,000, most of them the month's mean): what a served model looks up.</param>
/// <param name="OutOfFold">One prior per training row, from the folds the row is not in.</param>
public sealed record PairPriors(IReadOnlyDictionary<string, float> Month, float[] OutOfFold)
{
    /// <summary>Folds of the out-of-fold priors.</summary>
    public const int Folds = 5;

    /// <summary>How many trips of the month's mean a pair's mean is blended with (an m-estimate): measured best of 5, 20, 50.</summary>
    public const double Smoothing = 20;

    /// <summary>Computes the priors of <paramref name="examples"/>; folds are drawn with <paramref name="seed"/>.</summary>
    public static PairPriors Compute(IReadOnlyList<TripExample> examples, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var random = new Random(seed);
        var fold = new int[examples.Count];
        var pairs = new Dictionary<string, Sum>(StringComparer.Ordinal);
        var pairFolds = new Dictionary<(string Pair, int Fold), Sum>();
        var folds = new Sum[Folds];
        var month = default(Sum);
        for (var i = 0; i < examples.Count; i++)
        {
            var (pair, duration) = (examples[i].PickupDropoff, examples[i].Duration);
            fold[i] = random.Next(Folds);
            pairs[pair] = pairs.GetValueOrDefault(pair).Add(duration);
            pairFolds[(pair, fold[i])] = pairFolds.GetValueOrDefault((pair, fold[i])).Add(duration);
            folds[fold[i]] = folds[fold[i]].Add(duration);
            month = month.Add(duration);
        }

        // Out of fold means the month's mean too: a row's prior must not move when its own duration does.
        var outOfFold = new float[examples.Count];
        for (var i = 0; i < outOfFold.Length; i++)
        {
            var pair = examples[i].PickupDropoff;
            outOfFold[i] = Prior(pairs[pair].Without(pairFolds[(pair, fold[i])]), month.Without(folds[fold[i]]));
        }

        var served = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var pickup = TaxiZones.MinId; pickup <= TaxiZones.MaxId; pickup++)
        {
            for (var dropoff = TaxiZones.MinId; dropoff <= TaxiZones.MaxId; dropoff++)
            {
                var pair = TripFeatures.PickupDropoff(pickup, dropoff);
                served[pair] = Prior(pairs.GetValueOrDefault(pair), month);
            }
        }

        return new PairPriors(served, outOfFold);
    }

    // With no trips of the pair this is the month's mean: the m-estimate's own answer for "nothing known".
    private static float Prior(Sum pair, Sum month) =>
        (float)((pair.Total + (Smoothing * month.Mean)) / (pair.Count + Smoothing));

    private readonly record struct Sum(double Total, int Count)
    {
        public Sum Add(double duration) => new(Total + duration, Count + 1);

        public Sum Without(Sum part) => new(Total - part.Total, Count - part.Count);

        public double Mean => Count == 0 ? 0 : Total / Count;
    }
}
