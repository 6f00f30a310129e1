namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// Everything the gate judges: one labelled month that neither model was trained or tuned on, scored by the
/// challenger and (unless this is the first model) the champion. Validated on construction so the gate's arithmetic
/// never meets an impossible input; the challenger's predictions are deliberately not validated here, because an
/// insane prediction is a verdict (rejected by the sanity rule), not a programming error.
/// </summary>
public sealed class PairedScores
{
    /// <exception cref="ArgumentException">A field is blank, there are no trips, or a trip is inconsistent; the message names the trip.</exception>
    public PairedScores(string month, ScoredModel challenger, ScoredModel? champion, IReadOnlyList<PairedTrip> trips)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(month);
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(trips);
        challenger.Validate("challenger");
        champion?.Validate("champion");
        if (trips.Count == 0)
        {
            throw new ArgumentException("No trips to compare the models on.", nameof(trips));
        }

        for (var i = 0; i < trips.Count; i++)
        {
            ValidateTrip(trips[i], i, champion is not null);
        }

        Month = month;
        Challenger = challenger;
        Champion = champion;
        Trips = trips;
    }

    /// <summary>The gate month's name, e.g. <c>2024-05</c>, for the report.</summary>
    public string Month { get; }

    /// <summary>The model that wants to be served.</summary>
    public ScoredModel Challenger { get; }

    /// <summary>The model served now; null when no model was ever promoted (first-model rules apply).</summary>
    public ScoredModel? Champion { get; }

    /// <summary>The scored trips; not copied (a month can be millions of rows), so do not change them afterwards.</summary>
    public IReadOnlyList<PairedTrip> Trips { get; }

    private static void ValidateTrip(PairedTrip trip, int index, bool hasChampion)
    {
        if (!double.IsFinite(trip.ActualMinutes) || trip.ActualMinutes < 0)
        {
            throw new ArgumentException($"Trip {index}: the actual duration {trip.ActualMinutes} is not a finite number of minutes ≥ 0.", "trips");
        }

        if (trip.PickupHour is < 0 or > 23)
        {
            throw new ArgumentException($"Trip {index}: pickup hour {trip.PickupHour} is not 0–23.", "trips");
        }

        if (!double.IsFinite(trip.DistanceMiles) || trip.DistanceMiles < 0)
        {
            throw new ArgumentException($"Trip {index}: distance {trip.DistanceMiles} is not a finite number of miles ≥ 0.", "trips");
        }

        if (hasChampion != trip.ChampionMinutes.HasValue)
        {
            throw new ArgumentException(
                hasChampion
                    ? $"Trip {index} has no champion prediction, but a champion was named: score every trip with both models."
                    : $"Trip {index} has a champion prediction, but no champion was named.",
                "trips");
        }

        // The champion is in production already; a non-finite champion score would make every comparison meaningless.
        if (trip.ChampionMinutes is { } champion && !double.IsFinite(champion))
        {
            throw new ArgumentException($"Trip {index}: the champion predicted {champion}; fix the champion's scoring before comparing.", "trips");
        }
    }
}
