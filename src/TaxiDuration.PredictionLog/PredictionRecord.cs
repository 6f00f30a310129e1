namespace TaxiDuration.PredictionLog;

/// <summary>
/// One logged prediction (one ride of a request): who asked, which variant and version answered with what, how
/// fast, and, when the request was shadowed, what the shadow model said, under the same request id and trace.
/// </summary>
/// <param name="Time">When the answer was made (UTC).</param>
/// <param name="RideIndex">The ride's position in its request (0 for a single ride).</param>
/// <param name="PickupTime">New York wall-clock pickup time, as in the TLC records.</param>
/// <param name="TripKey">The caller's id for the trip; ground truth is joined on it.</param>
/// <param name="TraceId">The W3C trace id of the request, as in its log line and ProblemDetails; null in files written
/// before the log had the column, and for predictions made outside a traced request.</param>
public sealed record PredictionRecord(
    string RequestId,
    DateTime Time,
    string? ClientKey,
    string Variant,
    string ModelVersion,
    int RideIndex,
    int PickupZone,
    int DropoffZone,
    double TripDistance,
    DateTime PickupTime,
    string? TripKey,
    float Prediction,
    double LatencyMilliseconds,
    string? ShadowVariant,
    string? ShadowModelVersion,
    float? ShadowPrediction,
    double? ShadowLatencyMilliseconds,
    string? TraceId = null);
