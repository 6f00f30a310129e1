using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Dashboard.Tests;

/// <summary>The service's last minute of traffic per variant: counts, rate, latency quantiles, predicted-minute bins.</summary>
public sealed class TrafficWindowTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Requests_of_the_last_minute_are_counted_per_variant_and_version_with_their_rate_quantiles_and_bins()
    {
        var window = new TrafficWindow(clock);
        // 100 champion requests of one ride each, 1..100 ms; predicted minutes 3 (bin 0–5) or 62 (the open bin).
        for (var i = 1; i <= 100; i++)
        {
            window.OnPredicted(Batch("champion", "taxi-duration/2", TimeSpan.FromMilliseconds(i), i % 2 == 0 ? 3f : 62f));
        }

        window.OnPredicted(Batch("challenger", "taxi-duration/3", TimeSpan.FromMilliseconds(7), 12f, 14f, 16f));

        var snapshot = window.Snapshot();

        Assert.Equal(["challenger", "champion"], snapshot.Select(variant => variant.Variant));
        var champion = snapshot[1];
        Assert.Equal(("taxi-duration/2", 100, 100), (champion.ModelVersion, champion.Requests, champion.Rides));
        Assert.Equal(100.0 / TrafficWindow.Seconds, champion.RequestsPerSecond, 6);
        Assert.Equal(50, champion.LatencyP50Milliseconds);
        Assert.Equal(99, champion.LatencyP99Milliseconds);
        Assert.Equal(50, champion.PredictedMinutesBins[0]);
        Assert.Equal(50, champion.PredictedMinutesBins[TrafficWindow.Bins - 1]);
        Assert.Equal(100, champion.PredictedMinutesBins.Sum());
        var challenger = snapshot[0];
        Assert.Equal((1, 3), (challenger.Requests, challenger.Rides));
        Assert.Equal([0, 0, 2, 1], challenger.PredictedMinutesBins.Take(4));
    }

    [Fact]
    public void A_request_older_than_the_window_no_longer_counts_and_a_variant_with_none_left_is_not_listed()
    {
        var window = new TrafficWindow(clock);
        window.OnPredicted(Batch("champion", "taxi-duration/1", TimeSpan.FromMilliseconds(5), 10f));
        clock.Advance(TimeSpan.FromSeconds(30));
        window.OnPredicted(Batch("champion", "taxi-duration/2", TimeSpan.FromMilliseconds(8), 10f));
        window.OnPredicted(Batch("champion", "taxi-duration/2", TimeSpan.FromMilliseconds(9), 10f));

        clock.Advance(TimeSpan.FromSeconds(TrafficWindow.Seconds - 29));
        var snapshot = window.Snapshot();

        var only = Assert.Single(snapshot);
        Assert.Equal(("taxi-duration/2", 2), (only.ModelVersion, only.Requests));
        Assert.Equal(9, only.LatencyP99Milliseconds);
    }

    [Fact]
    public void A_second_slot_reused_a_minute_later_starts_from_zero()
    {
        var window = new TrafficWindow(clock);
        window.OnPredicted(Batch("champion", "taxi-duration/1", TimeSpan.FromMilliseconds(5), 10f));
        window.OnPredicted(Batch("champion", "taxi-duration/1", TimeSpan.FromMilliseconds(5), 10f));

        clock.Advance(TimeSpan.FromSeconds(TrafficWindow.Seconds));
        window.OnPredicted(Batch("champion", "taxi-duration/1", TimeSpan.FromMilliseconds(5), 10f));

        Assert.Equal(1, Assert.Single(window.Snapshot()).Requests);
    }

    private PredictionBatch Batch(string variant, string version, TimeSpan latency, params float[] minutes) =>
        new("request", clock.GetUtcNow(), ClientKey: null, variant, version, [], minutes, latency);
}
