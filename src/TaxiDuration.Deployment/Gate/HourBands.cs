namespace TaxiDuration.Deployment.Gate;

/// <summary>The five hour bands: traffic regimes of a NYC day, each with enough trips in a month to judge.</summary>
internal static class HourBands
{
    /// <summary>Band names in slice order; <see cref="IndexOf"/> maps an hour to one of these.</summary>
    public static readonly IReadOnlyList<(string Name, string Definition)> All =
    [
        ("night", "pickup hour 0–5"),
        ("morning", "pickup hour 6–9"),
        ("midday", "pickup hour 10–15"),
        ("evening", "pickup hour 16–19"),
        ("late", "pickup hour 20–23"),
    ];

    /// <summary>Index into <see cref="All"/> of the band holding <paramref name="hour"/> (0–23); bounds are inclusive.</summary>
    public static int IndexOf(int hour) => hour switch
    {
        >= 0 and <= 5 => 0,
        <= 9 => 1,
        <= 15 => 2,
        <= 19 => 3,
        <= 23 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(hour), hour, "An hour is 0–23."),
    };
}
