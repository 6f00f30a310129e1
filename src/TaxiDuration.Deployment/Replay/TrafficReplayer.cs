using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaxiDuration.PredictionLog;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Deployment.Replay;

/// <summary>
/// Sends a real month's trips through a running service as traffic would arrive: at a chosen rate, from many
/// clients, each trip with its <c>trip_key</c>; and writes that month's ground truth for the trips it sent, so the
/// prediction log can be judged once the labels "arrive". Bounded by count and time, loopback only.
/// </summary>
public sealed class TrafficReplayer(MonthPreparation months, HttpClient http, TimeProvider clock)
{
    /// <exception cref="ArgumentException">The service is not on loopback, or an option is out of range.</exception>
    public async Task<ReplayResult> RunAsync(ReplayOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var month = await months.PrepareAsync("replay", options.Month, cancellationToken);
        var trips = Math.Min(options.MaxTrips, month.Examples.Count);
        var labels = new List<TripLabel>(trips);
        var responses = new ConcurrentQueue<ReplayResponse>();
        var failures = new ConcurrentQueue<string>();
        using var inFlight = new SemaphoreSlim(options.Concurrency);
        var clockStart = clock.GetTimestamp();
        var tasks = new List<Task>();
        var sentTrips = 0;
        for (var first = 0; first < trips; first += options.BatchSize)
        {
            var due = TimeSpan.FromSeconds(tasks.Count / options.RequestsPerSecond);
            var elapsed = clock.GetElapsedTime(clockStart);
            if (elapsed > options.MaxDuration)
            {
                break;
            }

            if (due > elapsed)
            {
                await Task.Delay(due - elapsed, clock, cancellationToken);
            }

            await inFlight.WaitAsync(cancellationToken);
            var count = Math.Min(options.BatchSize, trips - first);
            var rides = Enumerable.Range(first, count).Select(index => new ReplayRide(ReplayRides.Body(month, index), ReplayRides.TripKey(month, index), month.Examples[index].Duration)).ToArray();
            labels.AddRange(rides.Select(ride => new TripLabel(ride.TripKey, ride.Actual)));
            sentTrips += count;
            var client = $"client-{first / options.BatchSize % options.Clients:0000}";
            tasks.Add(SendAsync(options, client, rides, responses, failures, inFlight, cancellationToken));
            if (tasks.Count % 1000 == 0)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{sentTrips:N0} of {trips:N0} trips sent"));
            }
        }

        await Task.WhenAll(tasks);
        await LabelFiles.WriteAsync(options.LabelsPath, labels, cancellationToken);
        return Summarise(responses.ToArray(), failures.ToArray(), sentTrips, clock.GetElapsedTime(clockStart), options.LabelsPath);
    }

    private static void Validate(ReplayOptions options)
    {
        if (!options.Service.IsLoopback)
        {
            throw new ArgumentException($"The replay only targets a service on loopback (127.0.0.1 / localhost), not {options.Service}.", nameof(options));
        }

        if (options is not { RequestsPerSecond: > 0, MaxTrips: > 0, Clients: > 0, BatchSize: > 0 and <= 1_000, Concurrency: > 0 } || options.MaxDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("Rate, trips, duration, clients, batch size (1–1000) and concurrency must all be positive.", nameof(options));
        }
    }

    private async Task SendAsync(
        ReplayOptions options, string client, ReplayRide[] rides, ConcurrentQueue<ReplayResponse> responses, ConcurrentQueue<string> failures,
        SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        var sentAt = clock.GetUtcNow();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Service, rides.Length == 1 ? "/predict" : "/predict/batch"))
            {
                Content = rides.Length == 1 ? JsonContent.Create(rides[0].Body) : JsonContent.Create(new { rides = rides.Select(ride => ride.Body).ToArray() }),
            };
            request.Headers.Add("X-Client-Id", client);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var version = response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("model_version").GetString() : null;
            responses.Enqueue(new ReplayResponse(sentAt, clock.GetUtcNow(), (int)response.StatusCode, version, rides.Length));
            if (!response.IsSuccessStatusCode && failures.Count < 20)
            {
                failures.Enqueue($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
        }
        catch (HttpRequestException failure)
        {
            responses.Enqueue(new ReplayResponse(sentAt, clock.GetUtcNow(), 0, null, rides.Length));
            failures.Enqueue($"no answer: {failure.Message}");
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static ReplayResult Summarise(ReplayResponse[] responses, string[] failures, int trips, TimeSpan elapsed, string labelsPath)
    {
        var latencies = responses.Select(response => (response.ReceivedAt - response.SentAt).TotalMilliseconds).Order().ToArray();
        double Quantile(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)];
        return new ReplayResult(
            trips,
            responses.Length,
            responses.Count(response => response.Status is < 200 or >= 300),
            responses.Where(response => response.ModelVersion is not null).GroupBy(response => response.ModelVersion!).ToDictionary(group => group.Key, group => group.Sum(response => response.Rides), StringComparer.Ordinal),
            responses.GroupBy(response => response.Status).ToDictionary(group => group.Key, group => group.Count()),
            Quantile(0.5),
            Quantile(0.99),
            elapsed,
            labelsPath,
            failures,
            [.. responses.OrderBy(response => response.SentAt)]);
    }

    private sealed record ReplayRide(Dictionary<string, object> Body, string TripKey, float Actual);
}
