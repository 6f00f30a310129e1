namespace TaxiDuration.Monitoring.Observation;

/// <summary>
/// What one request predicted (one ride, or a batch in request order), by which model, for whom and how fast.
/// Observers receive it after the answer is computed; it is never changed afterwards.
/// </summary>
/// <param name="RequestId">The request's own id, shared by every record it produces (unique per request, unlike a trace id).</param>
/// <param name="ClientKey">What routing was sticky on (the caller's <c>X-Client-Id</c>), if anything.</param>
/// <param name="Variant">Which variant answered: "champion" unless an A/B split routed elsewhere.</param>
/// <param name="ModelVersion">The version that predicted, e.g. <c>taxi-duration/3</c>.</param>
/// <param name="Minutes">One prediction per ride, in the same order as <paramref name="Rides"/>.</param>
/// <param name="Latency">Time spent featurizing and predicting (not the HTTP round trip).</param>
/// <param name="TraceId">The W3C trace the request was part of (the caller's <c>traceparent</c>, or one of its own),
/// the id in its log lines and ProblemDetails; null when the prediction came from no traced request.</param>
public sealed record PredictionBatch(
    string RequestId,
    DateTimeOffset Time,
    string? ClientKey,
    string Variant,
    string ModelVersion,
    IReadOnlyList<ObservedRide> Rides,
    ReadOnlyMemory<float> Minutes,
    TimeSpan Latency,
    string? TraceId = null);
