namespace TaxiDuration.Serving;

/// <summary>
/// The one place the served model changes: publishing replaces the whole immutable <see cref="ServedModel"/> in a
/// single reference write, so readers see either the old model or the new one, never a half-built state.
/// </summary>
public sealed class ServedModelHolder : IServedModelProvider
{
    private ServedModel? current;

    /// <inheritdoc />
    public ServedModel? Current => Volatile.Read(ref current);

    /// <summary>Makes <paramref name="model"/> the served model and returns the one it replaced (null at first publish).</summary>
    public ServedModel? Publish(ServedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Interlocked.Exchange(ref current, model);
    }
}
