namespace TaxiDuration.Features;

/// <summary>What every regression pipeline produces: ML.NET's <c>Score</c> column, the predicted minutes.</summary>
public sealed class DurationPrediction
{
    /// <summary>Predicted trip duration in minutes.</summary>
    public float Score;
}
