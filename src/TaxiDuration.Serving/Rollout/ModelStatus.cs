using System.Text.Json.Serialization;

namespace TaxiDuration.Serving.Rollout;

/// <summary>What <c>GET /model</c> answers: the served versions and their roles, and what the rollout last noticed.</summary>
public sealed record ModelStatus(
    [property: JsonPropertyName("variants")] IReadOnlyList<VariantStatus> Variants,
    [property: JsonPropertyName("shadow")] VariantStatus? Shadow,
    [property: JsonPropertyName("last_poll_at")] DateTimeOffset? LastPollAt,
    [property: JsonPropertyName("last_reload_error")] ReloadFailure? LastReloadError,
    [property: JsonPropertyName("unserved")] IReadOnlyDictionary<string, string> Unserved);

/// <summary>One served variant: its name, version, traffic share, when it was loaded, what trained it and what scores it.</summary>
/// <param name="Scorer"><c>compiled-trees</c> or <c>ml.net</c> (see <see cref="ServedModel.UsesCompiledTrees"/>).</param>
public sealed record VariantStatus(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("weight")] double Weight,
    [property: JsonPropertyName("loaded_at")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("scorer")] string Scorer);
