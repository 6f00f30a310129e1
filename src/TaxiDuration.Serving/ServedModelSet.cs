using System.Text;

namespace TaxiDuration.Serving;

/// <summary>
/// Everything the service serves at one moment, immutable: the variants that answer (with their traffic shares) and
/// an optional shadow that is scored off the response path. A request reads the current set once and uses it
/// throughout, so a swap (hot reload) never mixes two versions in one answer.
/// </summary>
public sealed class ServedModelSet
{
    private readonly double[] cumulativeShares;

    private ServedModelSet(IReadOnlyList<ServedVariant> variants, ServedVariant? shadow)
    {
        Variants = variants;
        Shadow = shadow;
        var total = variants.Sum(variant => variant.Weight);
        cumulativeShares = new double[variants.Count];
        var running = 0.0;
        for (var i = 0; i < variants.Count; i++)
        {
            running += variants[i].Weight / total;
            cumulativeShares[i] = running;
        }
    }

    /// <summary>The variants that answer requests, in configuration order; their weights are the traffic shares.</summary>
    public IReadOnlyList<ServedVariant> Variants { get; }

    /// <summary>A model scored on (a share of) the same requests without ever answering them; null when none.</summary>
    public ServedVariant? Shadow { get; }

    /// <summary>A set of one variant, the champion, taking every request.</summary>
    public static ServedModelSet Single(ServedModel model, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ServedModelSet([new ServedVariant(ServedVariant.ChampionName, model, Weight: 1, loadedAt)], shadow: null);
    }

    /// <exception cref="ArgumentException">No variant answers, or a weight is not positive and finite.</exception>
    public static ServedModelSet Create(IReadOnlyList<ServedVariant> variants, ServedVariant? shadow)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            throw new ArgumentException("At least one variant must answer requests.", nameof(variants));
        }

        if (variants.FirstOrDefault(variant => !double.IsFinite(variant.Weight) || variant.Weight <= 0) is { } invalid)
        {
            throw new ArgumentException($"Variant '{invalid.Name}' has weight {invalid.Weight}; answering variants need a positive weight.", nameof(variants));
        }

        return new ServedModelSet([.. variants], shadow);
    }

    /// <summary>
    /// The variant that answers for <paramref name="routingKey"/> (the caller's client id, else the request id): a
    /// stable hash of the key picks a point in [0, 1) and the weights divide that interval, so the same client gets
    /// the same variant for as long as the weights stay, in every replica.
    /// </summary>
    public ServedVariant Route(string routingKey)
    {
        if (Variants.Count == 1)
        {
            return Variants[0];
        }

        var point = StableHash.UnitInterval(routingKey);
        for (var i = 0; i < cumulativeShares.Length - 1; i++)
        {
            if (point < cumulativeShares[i])
            {
                return Variants[i];
            }
        }

        return Variants[^1];
    }
}

/// <summary>FNV-1a over the key's UTF-8 bytes: the same in every process and .NET version (string.GetHashCode is not).</summary>
internal static class StableHash
{
    public static double UnitInterval(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 14695981039346656037UL;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(key) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(key, buffer)] : Encoding.UTF8.GetBytes(key);
        foreach (var value in bytes)
        {
            hash = (hash ^ value) * 1099511628211UL;
        }

        // Mix the high bits down (FNV's low bits are weak for short keys), then keep 53 bits as a double in [0, 1).
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
