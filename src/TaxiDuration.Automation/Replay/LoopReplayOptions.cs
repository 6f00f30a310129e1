using TaxiDuration.Training.Trainers;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Replay;

/// <summary>What the level-4 replay walks and how it fits models.</summary>
public sealed class LoopReplayOptions
{
    /// <summary>Months in the order they arrive; the first trains the initial champion, the rest are served and monitored.</summary>
    public required IReadOnlyList<TaxiMonth> Months { get; init; }

    /// <summary>The trainer every policy uses (the comparison is between policies, not models).</summary>
    public string Trainer { get; init; } = TrainerNames.LightGbm;

    /// <summary>Its parameters: fewer trees than level 2's default, so 4 policies × many months fit in minutes.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>
    {
        [TrainerParameters.Trees] = 100,
        [TrainerParameters.Leaves] = 64,
    };

    /// <summary>Months in the expanding-window candidate (the sliding one uses the newest month alone).</summary>
    public int ExpandingWindowMonths { get; init; } = 3;

    /// <summary>
    /// The time split inside a month: the initial champion and a retrain's candidates train on the days before this
    /// one, the gate judges them on the rest (about a third of a month: enough trips for the gate even in a lockdown).
    /// </summary>
    public int HoldoutFromDay { get; init; } = 20;

    /// <summary>
    /// Where the loop's Prometheus metrics are rewritten after every window (textfile-collector format); null for none.
    /// </summary>
    public string? MetricsFile { get; init; }

    /// <summary>A webhook told about every window that was not quiet (JSON, see <c>WebhookAlertSink</c>); null for none.</summary>
    public Uri? Webhook { get; init; }

    public void Validate()
    {
        if (Months.Count < 2)
        {
            throw new ArgumentException($"The replay needs at least two months (one to train on, one to serve); got {Months.Count}.");
        }

        if (Months.Distinct().Count() != Months.Count)
        {
            throw new ArgumentException("The replay's months must be distinct.");
        }

        if (ExpandingWindowMonths < 2 || HoldoutFromDay is < 2 or > 28)
        {
            throw new ArgumentException("ExpandingWindowMonths must be at least 2 and HoldoutFromDay between 2 and 28.");
        }
    }
}
