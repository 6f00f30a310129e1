using System.ComponentModel.DataAnnotations;

namespace TaxiDuration.Deployment.Gate;

/// <summary>
/// Every threshold of the promotion gate. The defaults say "clearly better": at least 1 % lower RMSE, an improvement
/// that survives resampling the month's days, no slice of the city made worse, and not much slower to serve.
/// Bound from the <see cref="SectionName"/> section; validated (data annotations) when the gate is built.
/// </summary>
public sealed class GateOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "PromotionGate";

    /// <summary>Fewest trips a verdict may rest on: below this, RMSE differences are mostly noise.</summary>
    [Range(1, int.MaxValue)]
    public int MinimumTrips { get; init; } = 5_000;

    /// <summary>
    /// Required relative RMSE gain: challenger RMSE ≤ (1 − this) × champion RMSE. Swapping models has a cost
    /// (risk, cache warm-up, explanations), so a gain too small to notice is not worth it.
    /// </summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double MinimumRelativeImprovement { get; init; } = 0.01;

    /// <summary>Day-block bootstrap resamples; 2,000 puts the 5th percentile on 100 values, stable to a few %.</summary>
    [Range(1, 1_000_000)]
    public int BootstrapResamples { get; init; } = 2_000;

    /// <summary>Seed of the bootstrap's <see cref="Random"/>: the same inputs always give the same bound and verdict.</summary>
    public int BootstrapSeed { get; init; } = 20_240_501;

    /// <summary>
    /// One-sided confidence of the bootstrap: the (1 − this) quantile of the resampled mean gain must be above 0,
    /// so a gain that a few unusual days produced does not count.
    /// </summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Slices smaller than this are reported but not judged: their RMSE is too noisy to block a promotion.</summary>
    [Range(1, int.MaxValue)]
    public int SliceMinimumTrips { get; init; } = 500;

    /// <summary>
    /// Largest challenger/champion RMSE ratio allowed on any judged slice: a better average must not hide a part of
    /// the city (night trips, one busy zone, long rides) that gets noticeably worse.
    /// </summary>
    [Range(1.0, 100.0)]
    public double SliceMaxRmseRatio { get; init; } = 1.02;

    /// <summary>How many of the busiest pickup zones (by trip count in the month) become slices of their own.</summary>
    [Range(0, 1_000)]
    public int TopPickupZones { get; init; } = 10;

    /// <summary>Largest challenger/champion scoring cost per row allowed: serving capacity is paid for per row.</summary>
    [Range(1.0, 1_000.0)]
    public double MaxScoringCostRatio { get; init; } = 1.5;

    /// <summary>
    /// Costs below this many seconds per row are not told apart by the cost rule: the champion's cost is taken as at
    /// least this much. Serving one request costs about 60 µs of CPU here (the level-1 service on 2 cores), so a
    /// model under 50 µs a row keeps the service within the same order of throughput, and calling a 300-tree
    /// LightGBM model (about 30 µs a row compiled) "30× the cost" of a 1 µs linear one would be true and beside the
    /// point. Above the floor, the ratio rule applies in full. 0 compares raw costs.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ScoringCostFloorSecondsPerRow { get; init; } = 50e-6;

    /// <summary>
    /// Longest prediction that is still sane, minutes (a day). A longer, negative or non-finite prediction means a
    /// broken model or feature pipeline, whatever its RMSE says, and rejects the challenger outright.
    /// </summary>
    [Range(1.0, 1_000_000.0)]
    public double MaxPredictionMinutes { get; init; } = 24 * 60;

    /// <summary>
    /// First model only (nothing to compare with): the highest RMSE, minutes, still worth serving. Trip durations
    /// have a spread of roughly 10 minutes, so a model above 15 is not useful to riders.
    /// </summary>
    [Range(0.0, 1_000_000.0, MinimumIsExclusive = true)]
    public double AbsoluteMaxRmse { get; init; } = 15;

    /// <summary>Throws when an option is out of range; the message names it.</summary>
    /// <exception cref="ValidationException">An option is out of its documented range.</exception>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
