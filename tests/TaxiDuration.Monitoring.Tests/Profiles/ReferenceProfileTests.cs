using TaxiDuration.Features;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.TestSupport;

namespace TaxiDuration.Monitoring.Tests.Profiles;

/// <summary>A version's reference: a faithful, reproducible sample of its validation month and its quality there.</summary>
public sealed class ReferenceProfileTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public void The_sample_keeps_rows_whole_and_in_month_order_and_the_metrics_cover_every_row()
    {
        var (examples, predicted) = Month(5_000);

        var profile = ReferenceProfile.Create("green 2021-02", examples, predicted, sampleRows: 1_000, seed: 7);

        Assert.Equal(5_000, profile.Rows);
        Assert.Equal(1_000, profile.Sample.Count);
        // Each example's distance is its row number, so the sampled rows can be traced back: every column of a
        // sampled row must come from that same row.
        var rows = profile.Sample.TripDistance.Select(distance => (int)distance).ToArray();
        Assert.Equal(rows.Order(), rows);
        Assert.Equal(rows.Length, rows.Distinct().Count());
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(examples[rows[i]].Duration, profile.Sample.Actual[i]);
            Assert.Equal(predicted[rows[i]], profile.Sample.Predicted[i]);
            Assert.Equal(int.Parse(examples[rows[i]].PickupLocation, System.Globalization.CultureInfo.InvariantCulture), profile.Sample.PickupZone[i]);
        }

        var rmse = Math.Sqrt(examples.Select((example, i) => Math.Pow(predicted[i] - example.Duration, 2)).Average());
        Assert.Equal(rmse, profile.Metrics[ProfileMetrics.Rmse], 10);
    }

    [Fact]
    public void The_same_seed_samples_the_same_rows_and_another_seed_other_rows()
    {
        var (examples, predicted) = Month(3_000);

        var first = ReferenceProfile.Create("m", examples, predicted, sampleRows: 500, seed: 1);
        var again = ReferenceProfile.Create("m", examples, predicted, sampleRows: 500, seed: 1);
        var other = ReferenceProfile.Create("m", examples, predicted, sampleRows: 500, seed: 2);

        Assert.Equal(first.Sample.TripDistance, again.Sample.TripDistance);
        Assert.NotEqual(first.Sample.TripDistance, other.Sample.TripDistance);
    }

    [Fact]
    public void A_small_month_is_kept_whole()
    {
        var (examples, predicted) = Month(40);

        Assert.Equal(40, ReferenceProfile.Create("m", examples, predicted, sampleRows: 1_000).Sample.Count);
    }

    [Fact]
    public void A_saved_profile_loads_back_equal()
    {
        var (examples, predicted) = Month(800);
        var profile = ReferenceProfile.Create("green 2021-02", examples, predicted, sampleRows: 300, seed: 3);
        var path = folder.File("model/reference-profile.json");

        profile.Save(path);
        var loaded = ReferenceProfile.Load(path);

        Assert.Equal(profile.Month, loaded.Month);
        Assert.Equal(profile.Rows, loaded.Rows);
        Assert.Equal(profile.Sample.PickupZone, loaded.Sample.PickupZone);
        Assert.Equal(profile.Sample.Predicted, loaded.Sample.Predicted);
        Assert.Equal(profile.Metrics, loaded.Metrics);
    }

    [Fact]
    public void A_file_that_is_not_a_profile_is_refused_with_its_name()
    {
        var path = folder.File("broken.json");
        File.WriteAllText(path, "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => ReferenceProfile.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_include_scale_free_figures()
    {
        float[] actual = [10, 20, 30, 40];
        float[] predicted = [12, 18, 33, 37];

        var metrics = ProfileMetrics.Compute(actual, predicted);

        // squared errors 4, 4, 9, 9 → MSE 6.5; mean 25, total sum of squares 500 → R² = 1 − 26/500.
        Assert.Equal(Math.Sqrt(6.5), metrics[ProfileMetrics.Rmse], 12);
        Assert.Equal(2.5, metrics[ProfileMetrics.Mae], 12);
        Assert.Equal(1 - (26.0 / 500), metrics[ProfileMetrics.RSquared], 12);
        Assert.Equal(Math.Sqrt(125), metrics[ProfileMetrics.TargetStd], 12);
        Assert.Equal(25, metrics[ProfileMetrics.MeanPrediction], 12);
    }

    public void Dispose() => folder.Dispose();

    private static (List<TripExample> Examples, float[] Predicted) Month(int rows)
    {
        var random = new Random(5);
        var examples = Enumerable.Range(0, rows).Select(row => new TripExample
        {
            PickupLocation = $"{1 + (row % 263)}",
            DropoffLocation = $"{1 + (row * 7 % 263)}",
            TripDistance = row,
            PickupHour = row % 24,
            PickupDayOfWeek = row % 7,
            Duration = 5 + (float)(random.NextDouble() * 30),
        }).ToList();
        var predicted = examples.Select(example => example.Duration + (float)(random.NextDouble() - 0.5) * 4).ToArray();
        return (examples, predicted);
    }
}
