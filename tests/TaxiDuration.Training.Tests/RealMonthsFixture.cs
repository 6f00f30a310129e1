using TaxiDuration.Data.Reading;
using TaxiDuration.Features;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Training.Tests;

/// <summary>
/// Green 2021-01 (train) and 2021-02 (validation) read and featurized once for every real-data test, through the
/// project's own reader and featurizer. Loads lazily, so when the data is absent (tests skipped) nothing is read.
/// </summary>
public sealed class RealMonthsFixture
{
    private readonly Lazy<(FeaturizedMonth Train, FeaturizedMonth Validation)> _months = new(() =>
        (Featurize("2021-01"), Featurize("2021-02")));

    public FeaturizedMonth Train => _months.Value.Train;

    public FeaturizedMonth Validation => _months.Value.Validation;

    private static FeaturizedMonth Featurize(string month) =>
        TripFeaturizer.Featurize(new TlcTripReader().ReadAllAsync(RealData.GreenMonth(month)).GetAwaiter().GetResult());
}
