using TaxiDuration.Monitoring.Performance;

namespace TaxiDuration.PredictionLog;

/// <summary>The prediction log joined with the ground truth that arrived, on <c>trip_key</c>.</summary>
public static class LabelledPredictions
{
    /// <summary>Each labelled answer, and each labelled shadow prediction as its own variant ("challenger (shadow)").</summary>
    public static IEnumerable<LabelledPrediction> Join(IReadOnlyList<PredictionRecord> records, IReadOnlyDictionary<string, float> labels)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var record in records)
        {
            if (record.TripKey is null || !labels.TryGetValue(record.TripKey, out var actual))
            {
                continue;
            }

            var day = DateOnly.FromDateTime(record.PickupTime);
            yield return new LabelledPrediction(record.Variant, record.ModelVersion, day, record.Prediction, actual, record.LatencyMilliseconds);
            if (record is { ShadowPrediction: { } shadow, ShadowVariant: { } shadowVariant, ShadowModelVersion: { } shadowVersion })
            {
                yield return new LabelledPrediction($"{shadowVariant} (shadow)", shadowVersion, day, shadow, actual, record.ShadowLatencyMilliseconds ?? 0);
            }
        }
    }
}
