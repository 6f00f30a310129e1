using TaxiDuration.Trips;

namespace TaxiDuration.Deployment.Replay;

/// <summary>What to replay, against which service, how fast and for how long.</summary>
/// <param name="Service">The running service, on loopback only (this is a test load, not an attack tool).</param>
/// <param name="RequestsPerSecond">Target request rate; the replay never sends faster.</param>
/// <param name="MaxTrips">At most this many trips (taken in file order).</param>
/// <param name="MaxDuration">Stop sending after this long, whatever is left.</param>
/// <param name="Clients">Distinct client ids the trips are spread over (A/B routing is sticky per client).</param>
/// <param name="BatchSize">Rides per request: 1 uses <c>/predict</c>, more <c>/predict/batch</c>.</param>
/// <param name="Concurrency">Requests in flight at most.</param>
/// <param name="LabelsPath">Where to write the replayed trips' ground truth (trip_key → actual minutes).</param>
public sealed record ReplayOptions(
    Uri Service,
    TaxiMonth Month,
    double RequestsPerSecond,
    int MaxTrips,
    TimeSpan MaxDuration,
    int Clients,
    int BatchSize,
    int Concurrency,
    string LabelsPath);

/// <summary>One answered (or failed) request: when, which model version answered, with what status.</summary>
public sealed record ReplayResponse(DateTimeOffset SentAt, DateTimeOffset ReceivedAt, int Status, string? ModelVersion, int Rides);

/// <summary>What the replay did.</summary>
/// <param name="Failed">Requests that did not get a 2xx (or no answer at all).</param>
public sealed record ReplayResult(
    int Trips,
    int Requests,
    int Failed,
    IReadOnlyDictionary<string, int> RidesByVersion,
    IReadOnlyDictionary<int, int> Statuses,
    double MedianMilliseconds,
    double P99Milliseconds,
    TimeSpan Elapsed,
    string LabelsPath,
    IReadOnlyList<string> FailureSamples,
    IReadOnlyList<ReplayResponse> Responses);
