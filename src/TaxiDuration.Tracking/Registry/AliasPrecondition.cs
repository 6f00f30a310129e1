namespace TaxiDuration.Tracking;

/// <summary>
/// What an alias must point at for a move to go ahead: the compare in compare-and-set. Two promoters (a gate and a
/// person, or two gates) that both read version 3 cannot both move champion: the second gets an
/// <see cref="AliasConflictException"/> instead of silently overwriting the first.
/// </summary>
public sealed record AliasPrecondition
{
    private AliasPrecondition(bool check, int? version)
    {
        IsChecked = check;
        Version = version;
    }

    /// <summary>Move whatever the alias points at now (last writer wins): for a person who just looked.</summary>
    public static AliasPrecondition None { get; } = new(false, null);

    /// <summary>The alias must not exist yet.</summary>
    public static AliasPrecondition Unset { get; } = new(true, null);

    public bool IsChecked { get; }

    /// <summary>The version the alias must point at (null with <see cref="IsChecked"/>: it must not exist).</summary>
    public int? Version { get; }

    /// <summary>The alias must point at <paramref name="version"/>.</summary>
    public static AliasPrecondition PointsAt(int version) => new(true, version);

    /// <summary>Whether an alias currently at <paramref name="current"/> (null: unset) satisfies this.</summary>
    public bool IsMetBy(int? current) => !IsChecked || current == Version;

    public override string ToString() => !IsChecked ? "any" : Version is { } version ? $"version {version}" : "unset";
}
