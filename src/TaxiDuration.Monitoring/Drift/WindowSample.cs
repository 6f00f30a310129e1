using System.Globalization;
using TaxiDuration.Features;
using TaxiDuration.Monitoring.Profiles;

namespace TaxiDuration.Monitoring.Drift;

/// <summary>Turns a window's featurized trips and their predictions into the column layout of a reference sample.</summary>
public static class WindowSample
{
    /// <summary>Every row of the window (actual durations included; they are zero where labels have not arrived).</summary>
    public static ReferenceSample From(IReadOnlyList<TripExample> examples, IReadOnlyList<float> predicted)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(predicted);
        if (examples.Count != predicted.Count)
        {
            throw new ArgumentException($"One prediction per trip: {examples.Count} trips, {predicted.Count} predictions.", nameof(predicted));
        }

        return new ReferenceSample(
            [.. examples.Select(example => example.TripDistance)],
            [.. examples.Select(example => example.PickupHour)],
            [.. examples.Select(example => example.PickupDayOfWeek)],
            [.. examples.Select(example => Zone(example.PickupLocation))],
            [.. examples.Select(example => Zone(example.DropoffLocation))],
            [.. predicted],
            [.. examples.Select(example => example.Duration)]);
    }

    private static int Zone(string zone) => int.Parse(zone, NumberStyles.None, CultureInfo.InvariantCulture);
}
