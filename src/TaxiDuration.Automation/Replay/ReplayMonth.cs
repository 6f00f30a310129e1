using TaxiDuration.Data.Reading;
using TaxiDuration.Features;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Replay;

/// <summary>A month the replay walks: validated and featurized once, with its file's columns for the schema check.</summary>
public sealed record ReplayMonth(PreparedMonth Prepared, IReadOnlyList<string> Columns)
{
    /// <summary>
    /// The month validated and featurized (<paramref name="role"/> names it in the validation report), with its
    /// file's columns; and what the file is (layout, row count), for whoever reports on it.
    /// </summary>
    public static async Task<(ReplayMonth Month, TlcFileInfo File)> PrepareAsync(MonthPreparation preparation, string role, TaxiMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preparation);
        var prepared = await preparation.PrepareAsync(role, month, cancellationToken);
        var info = await new TlcTripReader().InspectAsync(prepared.File.Path, cancellationToken);
        return (new ReplayMonth(prepared, info.Columns), info);
    }

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
    public ReplayMonth Holdout(int day) => Where(i => Prepared.Features.PickupTimes[i].Day >= day);

    /// <summary>
    /// The trips a client could request: the service refuses a distance outside <see cref="TripLimits"/>, so such a
    /// trip is never served, under any policy.
    /// </summary>
    public ReplayMonth Requestable() => Where(i => TripLimits.IsRequestableDistance(Prepared.Features.Examples[i].TripDistance));

    private ReplayMonth Where(Func<int, bool> keep)
    {
        var features = Prepared.Features;
        var subset = features with { Examples = features.Examples.Rows([.. Enumerable.Range(0, features.KeptRows).Where(keep)]) };
        return this with { Prepared = Prepared with { Features = subset } };
    }
}
