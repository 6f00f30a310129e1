using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Monitoring.Drift;

/// <summary>
/// Direct loss estimation: RMSE without labels. A small model learnt on the reference sample maps what is known at
/// prediction time (trip distance, pickup hour band, the prediction itself) to the squared error seen there; a
/// window's estimated RMSE is the root of its rows' mean estimate. It sees covariate shift (more of the trips the
/// model is bad at) weeks before labels land; it cannot see concept drift (the same trips taking longer), which is
/// why the real RMSE stays the alarm once labels arrive. The model: mean squared error per cell of distance
/// quintile × prediction quintile × hour band, falling back to coarser cells where a cell has too few rows.
/// </summary>
public sealed class LabelFreeRmse
{
    private const int MinimumRowsPerCell = 30;
    private static readonly int[] HourBandStarts = [0, 6, 10, 16, 20];

    private readonly double[] distanceEdges;
    private readonly double[] predictionEdges;
    private readonly Dictionary<(int Distance, int Prediction, int Hour), (double Sum, int Count)> cells = [];
    private readonly Dictionary<int, (double Sum, int Count)> distanceCells = [];
    private readonly double overall;

    private LabelFreeRmse(double[] distanceEdges, double[] predictionEdges, double overall)
    {
        this.distanceEdges = distanceEdges;
        this.predictionEdges = predictionEdges;
        this.overall = overall;
    }

    /// <summary>Learns the squared error per cell from the profile's labelled sample.</summary>
    public static LabelFreeRmse Fit(ReferenceSample reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count == 0)
        {
            throw new ArgumentException("The reference sample is empty: nothing to learn errors from.", nameof(reference));
        }

        var squared = new double[reference.Count];
        for (var i = 0; i < squared.Length; i++)
        {
            var error = (double)reference.Predicted[i] - reference.Actual[i];
            squared[i] = error * error;
        }

        var estimator = new LabelFreeRmse(Edges(reference.TripDistance), Edges(reference.Predicted), squared.Average());
        for (var i = 0; i < squared.Length; i++)
        {
            var key = estimator.Cell(reference.TripDistance[i], reference.Predicted[i], reference.PickupHour[i]);
            Add(estimator.cells, key, squared[i]);
            Add(estimator.distanceCells, key.Distance, squared[i]);
        }

        return estimator;
    }

    /// <summary>The estimated RMSE of a window from its features and predictions alone (its actual durations are not read).</summary>
    public double Estimate(ReferenceSample window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Count == 0)
        {
            throw new ArgumentException("The window is empty.", nameof(window));
        }

        var sum = 0.0;
        for (var i = 0; i < window.Count; i++)
        {
            var key = Cell(window.TripDistance[i], window.Predicted[i], window.PickupHour[i]);
            sum += cells.TryGetValue(key, out var cell) && cell.Count >= MinimumRowsPerCell
                ? cell.Sum / cell.Count
                : distanceCells.TryGetValue(key.Distance, out var coarse) && coarse.Count >= MinimumRowsPerCell ? coarse.Sum / coarse.Count : overall;
        }

        return Math.Sqrt(sum / window.Count);
    }

    private (int Distance, int Prediction, int Hour) Cell(float distance, float predicted, float hour) =>
        (Bin(distanceEdges, distance), Bin(predictionEdges, predicted), Array.FindLastIndex(HourBandStarts, start => hour >= start));

    // Quintile edges of the reference: the bins hold equal shares of the reference's rows.
    private static double[] Edges(float[] values)
    {
        var sorted = values.Select(value => (double)value).Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? [] : [.. new[] { 0.2, 0.4, 0.6, 0.8 }.Select(q => Quantiles.Linear(sorted, q)).Distinct()];
    }

    private static int Bin(double[] edges, double value)
    {
        var bin = 0;
        while (bin < edges.Length && value >= edges[bin])
        {
            bin++;
        }

        return bin;
    }

    private static void Add<TKey>(Dictionary<TKey, (double Sum, int Count)> table, TKey key, double squared)
        where TKey : notnull
    {
        var (sum, count) = table.GetValueOrDefault(key);
        table[key] = (sum + squared, count + 1);
    }
}
