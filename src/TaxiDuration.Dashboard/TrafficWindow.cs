using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Dashboard;

/// <summary>
/// The service's own traffic over the last minute, per variant: requests and rides per second, latency quantiles and
/// the distribution of predicted minutes. Fed by every answered request (an <see cref="IPredictionObserver"/>), read
/// by the dashboard; the same figures Prometheus scrapes from <c>/metrics</c>, without needing a Prometheus.
/// </summary>
public sealed class TrafficWindow(TimeProvider clock) : IPredictionObserver
{
    /// <summary>How far back the figures look.</summary>
    public const int Seconds = 60;

    /// <summary>Predicted minutes are counted in bins this wide, the last one open-ended.</summary>
    public const int BinMinutes = 5;

    /// <summary>Bins of <see cref="BinMinutes"/> up to an hour (the trainable range), then one for anything longer.</summary>
    public const int Bins = 13;

    // Latencies kept per variant for the quantiles: the newest this many requests within the window.
    private const int LatencySamples = 4_096;

    private readonly Dictionary<(string Variant, string Version), VariantTraffic> variants = [];
    private readonly Lock gate = new();

    public void OnPredicted(PredictionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            if (!variants.TryGetValue((batch.Variant, batch.ModelVersion), out var traffic))
            {
                traffic = new VariantTraffic();
                variants[(batch.Variant, batch.ModelVersion)] = traffic;
            }

            traffic.Add(second, batch.Minutes.Span, batch.Latency.TotalMilliseconds);
        }
    }

    /// <summary>Each variant (and version) that answered within the last <see cref="Seconds"/> seconds.</summary>
    public IReadOnlyList<VariantTrafficSnapshot> Snapshot()
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            return [.. variants
                .Select(pair => pair.Value.Snapshot(pair.Key.Variant, pair.Key.Version, now))
                .Where(snapshot => snapshot.Requests > 0)
                .OrderBy(snapshot => snapshot.Variant, StringComparer.Ordinal)
                .ThenBy(snapshot => snapshot.ModelVersion, StringComparer.Ordinal)];
        }
    }

    // One slot per second of the window (second % Seconds), reused once its second has passed.
    private sealed class VariantTraffic
    {
        private readonly long[] slotSecond = new long[Seconds];
        private readonly int[] requests = new int[Seconds];
        private readonly int[] rides = new int[Seconds];
        private readonly int[,] bins = new int[Seconds, Bins];
        private readonly double[] latency = new double[LatencySamples];
        private readonly long[] latencySecond = new long[LatencySamples];
        private int nextLatency;

        public void Add(long second, ReadOnlySpan<float> minutes, double milliseconds)
        {
            var slot = (int)(second % Seconds);
            if (slotSecond[slot] != second)
            {
                slotSecond[slot] = second;
                requests[slot] = 0;
                rides[slot] = 0;
                for (var bin = 0; bin < Bins; bin++)
                {
                    bins[slot, bin] = 0;
                }
            }

            requests[slot]++;
            rides[slot] += minutes.Length;
            foreach (var predicted in minutes)
            {
                bins[slot, Math.Clamp((int)(predicted / BinMinutes), 0, Bins - 1)]++;
            }

            latency[nextLatency] = milliseconds;
            latencySecond[nextLatency] = second;
            nextLatency = (nextLatency + 1) % LatencySamples;
        }

        public VariantTrafficSnapshot Snapshot(string variant, string version, long now)
        {
            var (requestCount, rideCount) = (0, 0);
            var distribution = new int[Bins];
            for (var slot = 0; slot < Seconds; slot++)
            {
                if (now - slotSecond[slot] >= Seconds)
                {
                    continue;
                }

                requestCount += requests[slot];
                rideCount += rides[slot];
                for (var bin = 0; bin < Bins; bin++)
                {
                    distribution[bin] += bins[slot, bin];
                }
            }

            var recent = latency.Where((_, i) => latencySecond[i] != 0 && now - latencySecond[i] < Seconds).Order().ToArray();
            return new VariantTrafficSnapshot(
                variant, version, requestCount, rideCount, (double)requestCount / Seconds, Quantile(recent, 0.5), Quantile(recent, 0.99), distribution);
        }

        private static double? Quantile(double[] sorted, double q) =>
            sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
