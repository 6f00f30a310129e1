using System.Text.Json.Serialization;

namespace TaxiDuration.Dashboard;

/// <summary>One variant's traffic over the window: counts, rate, latency quantiles (featurize + predict) and predicted-minute bins.</summary>
public sealed record VariantTrafficSnapshot(
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("requests")] int Requests,
    [property: JsonPropertyName("rides")] int Rides,
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
    [property: JsonPropertyName("latency_p50_ms")] double? LatencyP50Milliseconds,
    [property: JsonPropertyName("latency_p99_ms")] double? LatencyP99Milliseconds,
    [property: JsonPropertyName("predicted_minutes_bins")] IReadOnlyList<int> PredictedMinutesBins);

/// <summary><c>GET /dashboard/api/traffic</c>.</summary>
public sealed record TrafficResponse(
    [property: JsonPropertyName("window_seconds")] int WindowSeconds,
    [property: JsonPropertyName("bin_minutes")] int BinMinutes,
    [property: JsonPropertyName("variants")] IReadOnlyList<VariantTrafficSnapshot> Variants);

/// <summary>An alias move, newest first in <see cref="HistoryResponse"/>.</summary>
public sealed record AliasMove(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("from_version")] int? FromVersion,
    [property: JsonPropertyName("to_version")] int? ToVersion,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>A gate decision: what was judged against what, on which month, and the verdict with its reason.</summary>
public sealed record GateVerdict(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("candidate_version")] int CandidateVersion,
    [property: JsonPropertyName("champion_version")] int? ChampionVersion,
    [property: JsonPropertyName("window")] string Window,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("actor")] string Actor);

/// <summary><c>GET /dashboard/api/history</c>: the registered model's alias history and gate decisions, newest first.</summary>
public sealed record HistoryResponse(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("aliases")] IReadOnlyList<AliasMove> Aliases,
    [property: JsonPropertyName("decisions")] IReadOnlyList<GateVerdict> Decisions);

/// <summary>One level-4 monitoring window: drift per feature against its threshold (≥ 1 drifts), RMSE estimated and actual, what the loop did.</summary>
public sealed record LoopWindow(
    [property: JsonPropertyName("window")] string Window,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("drift_score")] double? DriftScore,
    [property: JsonPropertyName("feature_drift")] IReadOnlyDictionary<string, double> FeatureDrift,
    [property: JsonPropertyName("estimated_rmse")] double? EstimatedRmse,
    [property: JsonPropertyName("actual_rmse")] double? ActualRmse,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("trigger")] string Trigger,
    [property: JsonPropertyName("suppression")] string Suppression,
    [property: JsonPropertyName("explanation")] string Explanation,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events);

/// <summary><c>GET /dashboard/api/loop</c>: the level-4 loop's windows, oldest first (empty when no loop has run on this store).</summary>
public sealed record LoopResponse(
    [property: JsonPropertyName("experiment")] string Experiment,
    [property: JsonPropertyName("windows")] IReadOnlyList<LoopWindow> Windows);

/// <summary>One variant's labelled traffic on one day.</summary>
/// <param name="Bias">Mean of predicted − actual minutes: positive when the variant overestimates.</param>
public sealed record VariantDayAccuracy(
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("trips")] int Trips,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("bias")] double Bias);

/// <summary><c>GET /dashboard/api/accuracy</c>: the prediction log joined with the labels that landed, per variant and day.</summary>
public sealed record AccuracyResponse(
    [property: JsonPropertyName("labels_directory")] string LabelsDirectory,
    [property: JsonPropertyName("logged_predictions")] int LoggedPredictions,
    [property: JsonPropertyName("labelled_predictions")] int LabelledPredictions,
    [property: JsonPropertyName("days")] IReadOnlyList<VariantDayAccuracy> Days)
{
    public static AccuracyResponse Empty(string labelsDirectory) => new(labelsDirectory, 0, 0, []);
}
