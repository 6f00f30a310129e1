using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Tests.Drift;

public sealed class DriftAnalyzerTests
{
    private static readonly DriftOptions Options = new();
    private static readonly ReferenceProfile Reference = Profile();

    [Fact]
    public void A_window_from_the_same_city_drifts_nowhere()
    {
        var report = Analyze(Trips.Sample(20_000, seed: 2));

        Assert.All(report.Features, feature => Assert.False(feature.Drifted, feature.Test.Explain()));
        Assert.All(report.Features, feature => Assert.Equal(PsiLevel.Stable, feature.PsiLevel));
        Assert.False(report.DatasetDrift);
        Assert.False(report.Prediction.Drifted);
        Assert.Equal(0, report.DriftedShare);
    }

    [Fact]
    public void Longer_trips_at_other_hours_in_new_zones_drift_the_dataset_with_Evidentlys_large_sample_tests()
    {
        var report = Analyze(Trips.Sample(20_000, seed: 3, distanceScale: 1.6, hourShift: 6, firstZone: 21));

        var drifted = report.Features.Where(feature => feature.Drifted).Select(feature => feature.Feature).ToArray();
        Assert.Equal([DriftAnalyzer.TripDistance, DriftAnalyzer.PickupHour, DriftAnalyzer.PickupZone, DriftAnalyzer.DropoffZone], drifted);
        Assert.Equal(DriftTest.Wasserstein, Feature(report, DriftAnalyzer.TripDistance).Test.Test);
        Assert.Equal(DriftTest.JensenShannon, Feature(report, DriftAnalyzer.PickupZone).Test.Test);
        Assert.Equal(0.5, Feature(report, DriftAnalyzer.PickupZone).UnseenShare!.Value, 0.02);
        Assert.Equal(PsiLevel.Alert, Feature(report, DriftAnalyzer.TripDistance).PsiLevel);
        Assert.True(report.DatasetDrift);
        Assert.Equal(0.8, report.DriftedShare, 10);
        Assert.True(report.Prediction.Drifted, $"PSI {report.Prediction.Psi}, W/std {report.Prediction.NormalizedWasserstein}");
    }

    [Fact]
    public void Trips_from_a_zone_the_reference_never_saw_alert_the_column_beyond_the_set_share_even_when_its_test_stays_quiet()
    {
        var trips = Trips.Sample(20_000, seed: 4);
        foreach (var trip in trips.Take(100))
        {
            trip.PickupLocation = "265";
        }

        var current = WindowSample.From(trips, Trips.Predict(trips, 2, seed: 11));
        var strict = Feature(new DriftAnalyzer(new DriftOptions { UnseenZoneAlert = 0.001 }).Analyze("window", Reference, current, Quality(trips.Length), labelled: false), DriftAnalyzer.PickupZone);
        var usual = Feature(new DriftAnalyzer(Options).Analyze("window", Reference, current, Quality(trips.Length), labelled: false), DriftAnalyzer.PickupZone);

        Assert.Equal(0.005, strict.UnseenShare!.Value, 10);
        Assert.True(strict.Test.Score < strict.Test.Threshold, strict.Test.Explain());
        Assert.True(strict.Drifted);
        Assert.False(usual.Drifted);
    }

    [Fact]
    public void A_model_twice_as_wrong_raises_the_performance_alarm_and_one_as_good_does_not()
    {
        var trips = Trips.Sample(20_000, seed: 5);

        var good = Analyze(trips, noise: 2).Performance!;
        var bad = Analyze(trips, noise: 5).Performance!;

        Assert.False(good.Alarm, $"ratio {good.RmseRatio}, lower bound {good.RmseRatioLowerBound}");
        Assert.InRange(good.RmseRatio, 0.95, 1.05);
        Assert.True(bad.Alarm);
        Assert.True(bad.RmseRatioLowerBound > Options.RmseRatioLowerBound);
        Assert.True(bad.RmseRatioLowerBound < bad.RmseRatio);
        Assert.True(bad.RSquared < good.RSquared);
    }

    [Fact]
    public void A_worse_ratio_on_a_handful_of_trips_is_not_an_alarm_because_its_lower_bound_is_not_convincing()
    {
        var trips = Trips.Sample(30, seed: 6);

        var performance = Analyze(trips, noise: 2.8).Performance!;

        Assert.True(performance.RmseRatioLowerBound < Options.RmseRatioLowerBound, $"lower bound {performance.RmseRatioLowerBound}");
        Assert.False(performance.Alarm);
    }

    [Fact]
    public void Without_labels_there_is_no_performance_verdict()
    {
        var trips = Trips.Sample(5_000, seed: 7);

        var report = new DriftAnalyzer(Options).Analyze("window", Reference, WindowSample.From(trips, Trips.Predict(trips, 2, 1)), Quality(trips.Length), labelled: false);

        Assert.Null(report.Performance);
    }

    [Fact]
    public void A_new_column_and_a_collapsed_volume_are_data_quality_findings()
    {
        string[] reference = ["PULocationID", "DOLocationID", "trip_distance"];
        string[] current = ["PULocationID", "DOLocationID", "trip_distance", "cbd_congestion_fee"];

        var quality = DataQuality.Compare(reference, current, rows: 3_800, referenceRows: 10_000, rejectedShare: 0.01, Options);
        var steady = DataQuality.Compare(reference, reference, rows: 12_000, referenceRows: 10_000, rejectedShare: 0.01, Options);

        Assert.Equal(["cbd_congestion_fee"], quality.AddedColumns);
        Assert.Empty(quality.RemovedColumns);
        Assert.True(quality.SchemaChanged);
        Assert.True(quality.VolumeChanged);
        Assert.Equal(-0.62, quality.VolumeChange, 10);
        Assert.False(steady.SchemaChanged);
        Assert.False(steady.VolumeChanged);
    }

    private static DriftReport Analyze(Features.TripExample[] trips, double noise = 2) =>
        new DriftAnalyzer(Options).Analyze("window", Reference, WindowSample.From(trips, Trips.Predict(trips, noise, seed: 11)), Quality(trips.Length), labelled: true);

    private static DataQuality Quality(int rows) => DataQuality.Compare([], [], rows, Reference.Rows, 0, Options);

    private static FeatureDrift Feature(DriftReport report, string name) => report.Features.Single(feature => feature.Feature == name);

    private static ReferenceProfile Profile()
    {
        var trips = Trips.Sample(20_000, seed: 1);
        return ReferenceProfile.Create("reference", trips, Trips.Predict(trips, noise: 2, seed: 10));
    }
}
