using TaxiDuration.Tracking;

namespace TaxiDuration.Deployment;

/// <summary>One command back: the previous champion becomes champion again (and the one it replaces becomes previous).</summary>
public static class ChampionRollback
{
    /// <exception cref="KeyNotFoundException">There is no previous champion to return to.</exception>
    /// <exception cref="AliasConflictException">Champion moved while rolling back; nothing changed.</exception>
    public static ModelVersion Run(IModelRegistry registry, string modelName, string reason, string actor)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var current = registry.GetModelVersionByAlias(modelName, RegistryAliases.Champion);
        var previous = registry.GetModelVersionByAlias(modelName, RegistryAliases.PreviousChampion);
        return registry.PromoteChampion(
            modelName, previous.Version, $"rollback from version {current.Version}: {reason}", actor, AliasPrecondition.PointsAt(current.Version));
    }
}
