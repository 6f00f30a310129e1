namespace TaxiDuration.Serving;

/// <summary>
/// Gives request handlers the model to serve right now. Handlers read <see cref="Current"/> once per request and
/// use that snapshot throughout, so a model swapped in mid-request (hot reload) never mixes two versions.
/// </summary>
public interface IServedModelProvider
{
    /// <summary>The model being served, or null before the first model has been published.</summary>
    ServedModel? Current { get; }
}
