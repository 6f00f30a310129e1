namespace TaxiDuration.Monitoring.Observation;

/// <summary>What a shadow model predicted for the same rides, off the response path.</summary>
public sealed record ShadowPredictions(string Variant, string ModelVersion, ReadOnlyMemory<float> Minutes, TimeSpan Latency);

/// <summary>
/// Where every prediction is kept for later judgement (the prediction log). Appending never waits: a full log
/// refuses (and counts) rather than slowing or failing a request.
/// </summary>
public interface IPredictionLog
{
    /// <summary>Queues the batch (with the shadow's predictions when there are some); false when it was dropped.</summary>
    bool TryAppend(PredictionBatch batch, ShadowPredictions? shadow);
}
