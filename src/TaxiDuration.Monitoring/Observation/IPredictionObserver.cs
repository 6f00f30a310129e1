namespace TaxiDuration.Monitoring.Observation;

/// <summary>
/// Receives every prediction a service makes, on the request's own thread, so it must return at once: an observer
/// that does I/O (the prediction log) queues the batch and drops, counting, when its queue is full. Metrics are the
/// first observer; the prediction log and shadow scoring are others.
/// </summary>
public interface IPredictionObserver
{
    void OnPredicted(PredictionBatch batch);
}
