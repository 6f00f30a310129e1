using TaxiDuration.Features;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Automation.Replay;

/// <summary>A month the replay walks: validated and featurized once, with its file's columns for the schema check.</summary>
public sealed record ReplayMonth(PreparedMonth Prepared, IReadOnlyList<string> Columns)
{
    public string Name => Prepared.File.Month.ToString();

    public IReadOnlyList<TripExample> Examples => Prepared.Examples;

    /// <summary>"real" or "synthetic": every figure of the replay says which data it came from.</summary>
    public string Origin => Prepared.File.Origin.ToString().ToLowerInvariant();

    /// <summary>The trips picked up before <paramref name="day"/> of the month (a time split, never a random one).</summary>
    public TripExample[] Before(int day)
    {
        var times = Prepared.Features.PickupTimes;
        return [.. Prepared.Examples.Where((_, i) => times[i].Day < day)];
    }

    /// <summary>The month from <paramref name="day"/> on, as a month of its own: what a candidate trained on the days before is judged on.</summary>
    public ReplayMonth Holdout(int day)
    {
        var features = Prepared.Features;
        var kept = Enumerable.Range(0, features.Examples.Length).Where(i => features.PickupTimes[i].Day >= day).ToArray();
        var holdout = features with
        {
            Examples = [.. kept.Select(i => features.Examples[i])],
            PickupTimes = [.. kept.Select(i => features.PickupTimes[i])],
        };
        return this with { Prepared = Prepared with { Features = holdout } };
    }
}
