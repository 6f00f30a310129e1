using TaxiDuration.Features;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Profiles;

namespace TaxiDuration.Monitoring.Tests.Drift;

/// <summary>RMSE without labels, against the true RMSE of the same windows.</summary>
public sealed class LabelFreeRmseTests
{
    // A model whose error grows with distance, as a duration model's does.
    private static readonly LabelFreeRmse Estimator = LabelFreeRmse.Fit(Window(Trips.Sample(20_000, seed: 1), seed: 2));

    [Fact]
    public void On_a_window_like_the_reference_the_estimate_matches_the_true_RMSE()
    {
        var window = Window(Trips.Sample(20_000, seed: 3), seed: 4);

        Assert.Equal(TrueRmse(window), Estimator.Estimate(window), TrueRmse(window) * 0.03);
    }

    [Fact]
    public void More_of_the_long_trips_the_model_is_bad_at_raise_the_estimate_with_the_true_RMSE_before_labels()
    {
        var reference = Window(Trips.Sample(20_000, seed: 3), seed: 4);
        var longer = Window(Trips.Sample(20_000, seed: 5, distanceScale: 1.4), seed: 6);

        var estimated = Estimator.Estimate(longer);

        // A cell model does not extrapolate past the reference's longest trips, so it under-reads a shift that far;
        // within the reference's range it follows the true figure.
        Assert.True(TrueRmse(longer) > TrueRmse(reference) * 1.2);
        Assert.True(estimated > Estimator.Estimate(reference) * 1.1, $"estimated {estimated} vs {Estimator.Estimate(reference)}, true {TrueRmse(longer)}");
        Assert.Equal(TrueRmse(longer), estimated, TrueRmse(longer) * 0.15);
    }

    [Fact]
    public void Concept_drift_is_its_blind_spot_the_same_trips_taking_longer_leave_the_estimate_where_it_was()
    {
        var trips = Trips.Sample(20_000, seed: 7);
        var window = Window(trips, seed: 8);
        var slower = window with { Actual = [.. window.Actual.Select(minutes => minutes * 1.4f)] };

        Assert.Equal(Estimator.Estimate(window), Estimator.Estimate(slower), 10);
        Assert.True(TrueRmse(slower) > TrueRmse(window) * 1.5);
    }

    private static ReferenceSample Window(TripExample[] trips, int seed)
    {
        var random = new Random(seed);
        var predicted = trips.Select(trip => (float)(trip.Duration + (0.8 * trip.TripDistance * ((random.NextDouble() * 2) - 1) * 1.7))).ToArray();
        return WindowSample.From(trips, predicted);
    }

    private static double TrueRmse(ReferenceSample window) => ProfileMetrics.Compute(window.Actual, window.Predicted)[ProfileMetrics.Rmse];
}
