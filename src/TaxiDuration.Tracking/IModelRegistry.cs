namespace TaxiDuration.Tracking;

/// <summary>
/// The model registry (MLflow: registered models, model versions, aliases), plus an append-only audit trail of
/// alias moves. Registration is all-or-nothing; resolving an artifact always re-checks its SHA-256.
/// </summary>
public interface IModelRegistry
{
    /// <summary>MLflow: registered-models/create; returns the existing model when the name is taken.</summary>
    RegisteredModel GetOrCreateRegisteredModel(string name);

    /// <summary>MLflow: registered-models/search.</summary>
    IReadOnlyList<RegisteredModel> ListRegisteredModels();

    /// <summary>
    /// MLflow: model-versions/create. Assigns the next version number in one transaction (creating the model when
    /// missing): a failure anywhere leaves no version behind. Refuses an artifact the run does not have or whose
    /// bytes no longer match.
    /// </summary>
    ModelVersion CreateModelVersion(NewModelVersion version);

    /// <summary>MLflow: model-versions/get. Throws <see cref="KeyNotFoundException"/> naming model and version.</summary>
    ModelVersion GetModelVersion(string modelName, int version);

    /// <summary>MLflow: model-versions/search for one model, oldest version first.</summary>
    IReadOnlyList<ModelVersion> SearchModelVersions(string modelName);

    /// <summary>
    /// MLflow: registered-models/alias (set), as a compare-and-set: when <paramref name="expected"/> is not met the
    /// alias stays and <see cref="AliasConflictException"/> says where it is. Otherwise the alias moves and exactly one
    /// row is appended to the history (also when it already pointed there), in one transaction.
    /// </summary>
    ModelVersion SetAlias(string modelName, string alias, int version, string reason, string actor, AliasPrecondition? expected = null);

    /// <summary>
    /// Makes <paramref name="version"/> the champion and keeps the one it replaces as
    /// <see cref="RegistryAliases.PreviousChampion"/>, in one transaction (two history rows), if the champion is still
    /// where <paramref name="expected"/> says; otherwise <see cref="AliasConflictException"/> and nothing changes.
    /// A rollback is the same move back to the previous champion.
    /// </summary>
    ModelVersion PromoteChampion(string modelName, int version, string reason, string actor, AliasPrecondition expected);

    /// <summary>Appends a deployment gate's decision; decisions can never be edited or removed.</summary>
    DeploymentDecision RecordDecision(NewDeploymentDecision decision);

    /// <summary>Every recorded decision for the model, oldest first.</summary>
    IReadOnlyList<DeploymentDecision> GetDecisions(string modelName);

    /// <summary>MLflow: registered-models/alias (delete); the removal is recorded in the history.</summary>
    void DeleteAlias(string modelName, string alias, string reason, string actor);

    /// <summary>MLflow: registered-models/alias (get). Throws <see cref="KeyNotFoundException"/> naming the alias and the ones that exist.</summary>
    ModelVersion GetModelVersionByAlias(string modelName, string alias);

    /// <summary>Every alias move for the model, in the order they happened.</summary>
    IReadOnlyList<AliasChange> GetAliasHistory(string modelName);

    /// <summary>The version a URI names: <c>taxi-duration/3</c> or <c>taxi-duration@champion</c>.</summary>
    ModelVersion Resolve(ModelUri uri);

    /// <summary>
    /// The version a URI names and its artifact file, after verifying the SHA-256; a mismatch throws
    /// <see cref="ArtifactIntegrityException"/> naming the file and both hashes — never a silent load.
    /// </summary>
    VerifiedModelArtifact ResolveArtifact(ModelUri uri);
}
