namespace TaxiDuration.Monitoring.Performance;

/// <summary>A logged prediction whose trip's real duration has arrived: what monitoring judges a variant on.</summary>
/// <param name="Variant">Which variant answered (or which shadow scored it).</param>
/// <param name="Day">The day the prediction was made.</param>
public sealed record LabelledPrediction(string Variant, string ModelVersion, DateOnly Day, float Predicted, float Actual, double LatencyMilliseconds);
