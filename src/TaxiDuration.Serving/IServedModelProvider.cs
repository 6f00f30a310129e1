namespace TaxiDuration.Serving;

/// <summary>
/// Gives request handlers the models to serve right now. Handlers read <see cref="Current"/> once per request and
/// use that snapshot throughout, so models swapped in mid-request (hot reload) never mix two versions.
/// </summary>
public interface IServedModelProvider
{
    /// <summary>The served set, or null before the first model has been published.</summary>
    ServedModelSet? Current { get; }
}
