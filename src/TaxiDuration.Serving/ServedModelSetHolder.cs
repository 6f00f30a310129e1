namespace TaxiDuration.Serving;

/// <summary>
/// The one place the served models change: publishing replaces the whole immutable <see cref="ServedModelSet"/> in a
/// single reference write, so readers see either the old set or the new one, never a half-built state.
/// </summary>
public sealed class ServedModelSetHolder : IServedModelProvider
{
    private ServedModelSet? current;

    /// <inheritdoc />
    public ServedModelSet? Current => Volatile.Read(ref current);

    /// <summary>Makes <paramref name="set"/> the served set and returns the one it replaced (null at first publish).</summary>
    public ServedModelSet? Publish(ServedModelSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Interlocked.Exchange(ref current, set);
    }
}
