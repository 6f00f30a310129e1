namespace TaxiDuration.Monitoring.Performance;

/// <summary>Per-variant, per-day quality of labelled predictions: error, bias, what was predicted, how fast.</summary>
public static class VariantPerformance
{
    /// <summary>One row per (variant, model version, day), ordered by variant then day.</summary>
    public static IReadOnlyList<VariantDay> ByVariantAndDay(IEnumerable<LabelledPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return [.. predictions
            .GroupBy(prediction => (prediction.Variant, prediction.ModelVersion, prediction.Day))
            .Select(group => Summarise(group.Key.Variant, group.Key.ModelVersion, group.Key.Day, [.. group]))
            .OrderBy(row => row.Variant, StringComparer.Ordinal)
            .ThenBy(row => row.Day)
            .ThenBy(row => row.ModelVersion, StringComparer.Ordinal)];
    }

    /// <summary>One row per (variant, model version) over all days.</summary>
    public static IReadOnlyList<VariantDay> ByVariant(IEnumerable<LabelledPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return [.. predictions
            .GroupBy(prediction => (prediction.Variant, prediction.ModelVersion))
            .Select(group => Summarise(group.Key.Variant, group.Key.ModelVersion, group.Min(prediction => prediction.Day), [.. group]))
            .OrderBy(row => row.Variant, StringComparer.Ordinal)
            .ThenBy(row => row.ModelVersion, StringComparer.Ordinal)];
    }

    private static VariantDay Summarise(string variant, string version, DateOnly day, LabelledPrediction[] rows)
    {
        double squared = 0, absolute = 0, bias = 0, predicted = 0;
        foreach (var row in rows)
        {
            var error = (double)row.Predicted - row.Actual;
            squared += error * error;
            absolute += Math.Abs(error);
            bias += error;
            predicted += row.Predicted;
        }

        var n = rows.Length;
        var predictions = rows.Select(row => (double)row.Predicted).Order().ToArray();
        var latencies = rows.Select(row => row.LatencyMilliseconds).Order().ToArray();
        return new VariantDay(
            variant, version, day, n, Math.Sqrt(squared / n), absolute / n, bias / n, predicted / n,
            Quantile(predictions, 0.5), Quantile(predictions, 0.9), Quantile(latencies, 0.5), Quantile(latencies, 0.99));
    }

    // Nearest rank on sorted values: a reported percentile is always a value that was observed.
    private static double Quantile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
