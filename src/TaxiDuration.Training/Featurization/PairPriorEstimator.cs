using Microsoft.ML;
using Microsoft.ML.Data;
using TaxiDuration.Features;

namespace TaxiDuration.Training.Featurization;

/// <summary>
/// Fits <paramref name="downstream"/> (featurization and trainer) on the training rows with their out-of-fold
/// <see cref="PairPriors"/> in three columns (<see cref="Column"/>, <see cref="PaceColumn"/>, <see cref="MilesColumn"/>),
/// and returns ML.NET's own value-mapping transforms (the whole month's figures per pair) followed by the fitted
/// downstream. The saved model holds only stock ML.NET transforms, so every host loads it as before, and a request
/// needs nothing but its zones and distance.
/// </summary>
public sealed class PairPriorEstimator(MLContext ml, IEstimator<ITransformer> downstream, int seed) : IEstimator<ITransformer>
{
    /// <summary>The pair's mean duration, minutes.</summary>
    public const string Column = "PairPrior";

    /// <summary>The pair's pace, minutes per mile.</summary>
    public const string PaceColumn = "PairPace";

    /// <summary>The pair's mean distance, miles.</summary>
    public const string MilesColumn = "PairMiles";

    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var examples = ml.Data.CreateEnumerable<TripExample>(input, reuseRowObject: false).ToArray();
        var priors = PairPriors.Compute(examples, seed);
        var lookup = Lookup(priors.Month).Fit(input);
        var training = ml.Data.LoadFromEnumerable(examples.Select((example, row) => new TripExampleWithPrior(example, priors.OutOfFold[row])));
        return new TransformerChain<ITransformer>(lookup, downstream.Fit(training));
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        downstream.GetOutputSchema(Lookup(new Dictionary<string, PairStatistics> { ["1_1"] = default }).GetOutputSchema(inputSchema));

    // Every pair of valid zones is in the maps (a request's zones are checked to be valid before it gets here).
    private IEstimator<ITransformer> Lookup(IReadOnlyDictionary<string, PairStatistics> month) =>
        Map(Column, month, statistics => statistics.Duration)
            .Append(Map(PaceColumn, month, statistics => statistics.Pace))
            .Append(Map(MilesColumn, month, statistics => statistics.Miles));

    private IEstimator<ITransformer> Map(string column, IReadOnlyDictionary<string, PairStatistics> month, Func<PairStatistics, float> figure) =>
        ml.Transforms.Conversion.MapValue(column, month.ToDictionary(pair => pair.Key, pair => figure(pair.Value), StringComparer.Ordinal), nameof(TripExample.PickupDropoff));

    /// <summary>A training row as downstream sees it: the example's columns plus its out-of-fold pair figures.</summary>
    private sealed class TripExampleWithPrior(TripExample example, PairStatistics pair)
    {
        public string PickupLocation = example.PickupLocation;
        public string DropoffLocation = example.DropoffLocation;
        public string PickupDropoff = example.PickupDropoff;
        public float TripDistance = example.TripDistance;
        public float PickupHour = example.PickupHour;
        public float PickupDayOfWeek = example.PickupDayOfWeek;
        public float Duration = example.Duration;
        public float PairPrior = pair.Duration;
        public float PairPace = pair.Pace;
        public float PairMiles = pair.Miles;
    }
}
