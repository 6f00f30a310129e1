using TaxiDuration.Features;
using TaxiDuration.Trips;

namespace TaxiDuration.Training.Featurization;

/// <summary>
/// What the training month says about a zone pair (<see cref="PairStatistics"/>): its trips' mean duration, their
/// pace and their usual length, each pulled toward the month's when the pair has few trips. A trip's own duration
/// must not be in the figures drawn from durations, or a model learns to trust those of rare pairs that only "know"
/// the trip itself; so each training row gets those of the other folds (out of fold), and a request the whole month's.
/// A pair with no trips gets the blend with nothing: the month's own figures, neutral, never a number that looks
/// like a short trip (a 0 for "unknown" made the trees predict 0 minutes for new pairs).
/// </summary>
/// <param name="Month">Statistics of every pair of valid zones (about 70,000, most of them the month's): what a served model looks up.</param>
/// <param name="OutOfFold">One set per training row, from the folds the row is not in.</param>
public sealed record PairPriors(IReadOnlyDictionary<string, PairStatistics> Month, PairStatistics[] OutOfFold)
{
    /// <summary>Folds of the out-of-fold statistics.</summary>
    public const int Folds = 5;

    /// <summary>How many trips of the month's figures a pair's are blended with (an m-estimate): measured best of 5, 20, 50.</summary>
    public const double Smoothing = 20;

    /// <summary>Computes the statistics of <paramref name="examples"/>; folds are drawn with <paramref name="seed"/>.</summary>
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
            var (pair, trip) = (examples[i].PickupDropoff, new Sum(examples[i].Duration, Math.Max(examples[i].TripDistance, 0), 1));
            fold[i] = random.Next(Folds);
            pairs[pair] = pairs.GetValueOrDefault(pair) + trip;
            pairFolds[(pair, fold[i])] = pairFolds.GetValueOrDefault((pair, fold[i])) + trip;
            folds[fold[i]] += trip;
            month += trip;
        }

        // Out of fold means the month's figures too: a row's duration and pace must not move when its own duration
        // does. Miles are no label, so a row gets its pair's whole-month miles, as a request does (measured on green
        // 2021-01 → 02 with the default LightGBM: validation 5.298 this way, 5.358 with out-of-fold miles).
        var outOfFold = new PairStatistics[examples.Count];
        for (var i = 0; i < outOfFold.Length; i++)
        {
            var pair = examples[i].PickupDropoff;
            var miles = Blend(pairs[pair], month).Miles;
            outOfFold[i] = Blend(pairs[pair] - pairFolds[(pair, fold[i])], month - folds[fold[i]]) with { Miles = miles };
        }

        var served = new Dictionary<string, PairStatistics>(StringComparer.Ordinal);
        for (var pickup = TaxiZones.MinId; pickup <= TaxiZones.MaxId; pickup++)
        {
            for (var dropoff = TaxiZones.MinId; dropoff <= TaxiZones.MaxId; dropoff++)
            {
                var pair = TripFeatures.PickupDropoff(pickup, dropoff);
                served[pair] = Blend(pairs.GetValueOrDefault(pair), month);
            }
        }

        return new PairPriors(served, outOfFold);
    }

    // Every figure is the pair's total plus Smoothing trips' worth of the month's, over the count (or miles) likewise.
    // With no trips of the pair it is the month's own figure: the m-estimate's answer for "nothing known".
    private static PairStatistics Blend(Sum pair, Sum month)
    {
        var (minutes, miles) = (pair.Minutes + (Smoothing * month.MeanMinutes), pair.Miles + (Smoothing * month.MeanMiles));
        var trips = pair.Trips + Smoothing;
        return new PairStatistics((float)(minutes / trips), miles > 0 ? (float)(minutes / miles) : 0, (float)(miles / trips));
    }

    // Negative distances (a meter run backwards) count as none: miles are what was actually driven.
    private readonly record struct Sum(double Minutes, double Miles, int Trips)
    {
        public double MeanMinutes => Trips == 0 ? 0 : Minutes / Trips;

        public double MeanMiles => Trips == 0 ? 0 : Miles / Trips;

        public static Sum operator +(Sum left, Sum right) => new(left.Minutes + right.Minutes, left.Miles + right.Miles, left.Trips + right.Trips);

        public static Sum operator -(Sum left, Sum right) => new(left.Minutes - right.Minutes, left.Miles - right.Miles, left.Trips - right.Trips);
    }
}

/// <summary>A zone pair's figures from the training month (see <see cref="PairPriors"/>).</summary>
/// <param name="Duration">Mean duration of its trips, minutes.</param>
/// <param name="Pace">Its trips' minutes over their miles: times a trip's own distance, what the pair's trips would take at that length.</param>
/// <param name="Miles">Mean distance of its trips: a trip much longer than its pair's usual took a way round.</param>
public readonly record struct PairStatistics(float Duration, float Pace, float Miles);
