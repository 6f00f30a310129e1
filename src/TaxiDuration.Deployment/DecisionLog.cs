using System.Text.Json;
using System.Text.Json.Serialization;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Tracking;

namespace TaxiDuration.Deployment;

/// <summary>
/// Gate decisions in the registry, one way for every promoter (level 3's gate, level 4's cycle and replay): the
/// decision is appended beside the alias history with every figure as JSON, and champion moves with a compare-and-set
/// against the champion the decision was taken on, its reason naming the decision.
/// </summary>
public static class DecisionLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Appends <paramref name="decision"/> on <paramref name="candidateVersion"/> against <paramref name="championVersion"/> (null: a first model).</summary>
    public static DeploymentDecision RecordDecision(
        this IModelRegistry registry, string modelName, int candidateVersion, int? championVersion, string month, GateDecision decision, string actor)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(decision);
        return registry.RecordDecision(new NewDeploymentDecision(
            modelName, candidateVersion, championVersion, month, decision.Verdict.ToString(), decision.Reason, JsonSerializer.Serialize(decision, Json), actor));
    }

    /// <summary>
    /// Makes the recorded decision's candidate champion if champion still is the version it was judged against
    /// (<see cref="AliasConflictException"/> otherwise), e.g. reason "gate decision #12 on 2021-03: …".
    /// </summary>
    /// <param name="promoter">Who decided, as the reason names it: "gate" or "loop".</param>
    /// <param name="judgedOn">The month as the reason names it (default: the decision's own).</param>
    public static ModelVersion PromoteOnDecision(this IModelRegistry registry, DeploymentDecision recorded, string promoter, string? judgedOn = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(recorded);
        return registry.PromoteChampion(
            recorded.ModelName, recorded.CandidateVersion, $"{promoter} decision #{recorded.Sequence} on {judgedOn ?? recorded.Month}: {recorded.Reason}", recorded.Actor,
            recorded.ChampionVersion is { } champion ? AliasPrecondition.PointsAt(champion) : AliasPrecondition.Unset);
    }

    /// <summary>The champion of <paramref name="modelName"/>, or null when there is none yet.</summary>
    public static ModelVersion? ChampionOrNull(this IModelRegistry registry, string modelName)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.ListRegisteredModels().Any(model => model.Name == modelName && model.Aliases.ContainsKey(RegistryAliases.Champion))
            ? registry.GetModelVersionByAlias(modelName, RegistryAliases.Champion)
            : null;
    }
}
