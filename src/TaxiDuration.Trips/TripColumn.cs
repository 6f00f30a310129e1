namespace TaxiDuration.Trips;

/// <summary>
/// One column of a <see cref="TripColumns"/> batch: a value per trip, and whether the trip has one (where it has not,
/// the value is the type's default). Values and presence are kept apart because a nullable DateTime or double takes
/// 16 bytes and this takes 9, and a decoded row group is the largest block of fresh memory a read touches
/// (docs/benchmarks/scale.md).
/// </summary>
public readonly struct TripColumn<T>
    where T : struct
{
    /// <exception cref="ArgumentException"><paramref name="present"/> and <paramref name="values"/> differ in length.</exception>
    public TripColumn(ReadOnlyMemory<T> values, ReadOnlyMemory<bool> present)
    {
        if (values.Length != present.Length)
        {
            throw new ArgumentException($"{present.Length:N0} presence flags for {values.Length:N0} values.", nameof(present));
        }

        Values = values;
        Present = present;
    }

    /// <summary>A value per trip; the type's default where the trip has none.</summary>
    public ReadOnlyMemory<T> Values { get; }

    /// <summary>Whether each trip has a value.</summary>
    public ReadOnlyMemory<bool> Present { get; }

    public int Length => Values.Length;

    /// <summary>No values at all: the file lacks this optional column, and every trip reads null.</summary>
    public bool IsEmpty => Values.IsEmpty;

    /// <summary>Trip <paramref name="index"/>'s value, or null (always null in an empty column).</summary>
    public T? this[int index] => Span[index];

    /// <summary>The column's spans, taken once for a loop over its trips.</summary>
    public TripColumnSpan<T> Span => new(Values.Span, Present.Span);

    /// <summary>A column holding <paramref name="values"/> (copied).</summary>
    public static TripColumn<T> Of(ReadOnlySpan<T?> values)
    {
        var (copied, present) = (new T[values.Length], new bool[values.Length]);
        for (var i = 0; i < values.Length; i++)
        {
            (copied[i], present[i]) = (values[i].GetValueOrDefault(), values[i].HasValue);
        }

        return new TripColumn<T>(copied, present);
    }

    /// <summary>How many trips have no value.</summary>
    public int NullCount() => Present.Length - Present.Span.Count(true);

    /// <summary>The column as nullable values, one per trip.</summary>
    public T?[] ToArray()
    {
        var values = new T?[Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = this[i];
        }

        return values;
    }
}

/// <summary>A <see cref="TripColumn{T}"/>'s values and presence as spans: what a loop over a batch's trips reads.</summary>
public readonly ref struct TripColumnSpan<T>
    where T : struct
{
    private readonly ReadOnlySpan<T> values;
    private readonly ReadOnlySpan<bool> present;

    internal TripColumnSpan(ReadOnlySpan<T> values, ReadOnlySpan<bool> present)
    {
        this.values = values;
        this.present = present;
    }

    /// <summary>Trip <paramref name="index"/>'s value, or null (always null in an empty column).</summary>
    public T? this[int index] => !present.IsEmpty && present[index] ? values[index] : null;
}
