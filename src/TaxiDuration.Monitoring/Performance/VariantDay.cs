namespace TaxiDuration.Monitoring.Performance;

/// <summary>One variant's quality on one day of labelled traffic.</summary>
/// <param name="Bias">Mean of predicted − actual: positive when the model overestimates.</param>
public sealed record VariantDay(
    string Variant,
    string ModelVersion,
    DateOnly Day,
    int Count,
    double Rmse,
    double Mae,
    double Bias,
    double MeanPrediction,
    double MedianPrediction,
    double P90Prediction,
    double MedianLatencyMilliseconds,
    double P99LatencyMilliseconds);
