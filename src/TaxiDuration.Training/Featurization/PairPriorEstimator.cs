using Microsoft.ML;
using Microsoft.ML.Data;
using TaxiDuration.Features;

namespace TaxiDuration.Training.Featurization;

/// <summary>
/// Fits <paramref name="downstream"/> (featurization and trainer) on the training rows with their out-of-fold
/// <see cref="PairPriors"/> in a <see cref="Column"/> column, and returns ML.NET's own value-mapping transform (the
/// whole month's prior per pair) followed by the fitted downstream. The saved model holds only stock ML.NET
/// transforms, so every host loads it as before, and a request needs nothing but its zones.
/// </summary>
public sealed class PairPriorEstimator(MLContext ml, IEstimator<ITransformer> downstream, int seed) : IEstimator<ITransformer>
{
    /// <summary>The prior's column, in minutes.</summary>
    public const string Column = "PairPrior";

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
        downstream.GetOutputSchema(Lookup(new Dictionary<string, float> { ["1_1"] = 0 }).GetOutputSchema(inputSchema));

    // Every pair of valid zones is in the map (a request's zones are checked to be valid before it gets here).
    private IEstimator<ITransformer> Lookup(IReadOnlyDictionary<string, float> priors) =>
        ml.Transforms.Conversion.MapValue(Column, priors, nameof(TripExample.PickupDropoff));

    /// <summary>A training row as downstream sees it: the example's columns plus its out-of-fold prior.</summary>
    private sealed class TripExampleWithPrior(TripExample example, float prior)
    {
        public string PickupLocation = example.PickupLocation;
        public string DropoffLocation = example.DropoffLocation;
        public string PickupDropoff = example.PickupDropoff;
        public float TripDistance = example.TripDistance;
        public float PickupHour = example.PickupHour;
        public float PickupDayOfWeek = example.PickupDayOfWeek;
        public float Duration = example.Duration;
        public float PairPrior = prior;
    }
}
