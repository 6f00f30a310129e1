using System.Text.Json.Serialization;

namespace TaxiDuration.Serving.Rollout;

/// <summary>A version that failed a check before serving: which, why, when.</summary>
public sealed record ReloadFailure(
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>
/// What the rollout knows beyond the served set: when it last read the registry, the last version it refused and
/// why, and the variants it cannot serve yet (e.g. "no challenger alias"). Shown by <c>GET /model</c> and in
/// <c>/health/ready</c>; replaced whole on every change, so readers never see a half-updated state.
/// </summary>
public sealed class RolloutState
{
    private Snapshot current = new(null, null, new Dictionary<string, string>());

    public DateTimeOffset? LastPollAt => Volatile.Read(ref current).LastPollAt;

    public ReloadFailure? LastFailure => Volatile.Read(ref current).LastFailure;

    /// <summary>Configured variants not served, each with the reason (an alias that does not exist yet).</summary>
    public IReadOnlyDictionary<string, string> Unserved => Volatile.Read(ref current).Unserved;

    internal void Polled(DateTimeOffset at, IReadOnlyDictionary<string, string> unserved) =>
        Update(state => state with { LastPollAt = at, Unserved = unserved });

    internal void Failed(ReloadFailure failure) => Update(state => state with { LastFailure = failure });

    private void Update(Func<Snapshot, Snapshot> change)
    {
        Snapshot before, after;
        do
        {
            before = Volatile.Read(ref current);
            after = change(before);
        }
        while (Interlocked.CompareExchange(ref current, after, before) != before);
    }

    private sealed record Snapshot(DateTimeOffset? LastPollAt, ReloadFailure? LastFailure, IReadOnlyDictionary<string, string> Unserved);
}
