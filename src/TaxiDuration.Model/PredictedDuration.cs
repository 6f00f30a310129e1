namespace TaxiDuration.Model;

/// <summary>
/// Turns a model's raw score into the duration that is served, scored and judged. A trip cannot take negative
/// time, yet regression models give a few slightly negative scores for the shortest trips (linear and tree models
/// alike); those become 0 minutes. NaN stays NaN, so a broken model is still caught by the gate's sanity rule.
/// </summary>
public static class PredictedDuration
{
    public static float FromScore(float score) => score < 0 ? 0 : score;
}
