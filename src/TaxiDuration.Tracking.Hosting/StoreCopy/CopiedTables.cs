namespace TaxiDuration.Tracking.Hosting.StoreCopy;

/// <summary>
/// Every table of a tracking store at SQLite schema version <see cref="SqliteSchemaVersion"/> and PostgreSQL schema
/// version <see cref="PostgresSchemaVersion"/>, in foreign-key
/// order (a row's references are copied before it). Ids are copied, not regenerated: run ids, experiment ids, metric
/// ids and the alias-history and decision sequences are what logs, result files and people already quote.
/// </summary>
internal static class CopiedTables
{
    /// <summary>The SQLite schema version these tables describe; a migration that changes a table changes this list.</summary>
    /// <remarks>SQLite's version 4 added only the params triggers PostgreSQL had from its version 1: no table changed.</remarks>
    public const int SqliteSchemaVersion = 4;

    /// <summary>The PostgreSQL schema version these tables describe.</summary>
    public const int PostgresSchemaVersion = 3;

    public static IReadOnlyList<CopiedTable> All { get; } =
    [
        new("experiments", "experiment_id", ["experiment_id", "name", "created_ms"]),
        new("runs", "rowid", ["run_id", "run_seq", "experiment_id", "parent_run_id", "name", "status", "start_ms", "end_ms", "git_commit", "owner_host", "owner_pid", "owner_started_ms"])
        {
            // run_seq is PostgreSQL's stand-in for SQLite's rowid: the tie-break between runs started in one millisecond.
            ReadAs = new Dictionary<string, string> { ["run_seq"] = "rowid" },
        },
        new("params", "run_id, key", ["run_id", "key", "value"]),
        new("metrics", "metric_id", ["metric_id", "run_id", "key", "value", "step", "timestamp_ms"])
        {
            // SQLite keeps NaN as NULL plus a flag; PostgreSQL's double holds it, so the flag becomes the value itself.
            ReadAs = new Dictionary<string, string> { ["value"] = $"CASE WHEN is_nan <> 0 THEN '{ValueConversion.NotANumber}' ELSE value END" },
        },
        new("tags", "run_id, key", ["run_id", "key", "value"]),
        new("artifacts", "run_id, path", ["run_id", "path", "sha256", "size_bytes"]),
        new("data_fingerprints", "run_id, role, month", ["run_id", "role", "month", "rows", "content_hash"]),
        new("registered_models", "name", ["name", "created_ms"]),
        new("model_versions", "model_name, version", ["model_name", "version", "run_id", "artifact_path", "artifact_sha256", "feature_set", "created_ms"]),
        new("model_version_metrics", "model_name, version, key", ["model_name", "version", "key", "value"]),
        new("model_version_months", "model_name, version, month", ["model_name", "version", "month"]),
        new("model_version_tags", "model_name, version, key", ["model_name", "version", "key", "value"]),
        new("model_aliases", "model_name, alias", ["model_name", "alias", "version"]),
        new("alias_history", "sequence", ["sequence", "model_name", "alias", "from_version", "to_version", "reason", "actor", "changed_ms"]),
        new("deployment_decisions", "sequence", ["sequence", "model_name", "candidate_version", "champion_version", "month", "verdict", "reason", "details", "actor", "decided_ms"]),
    ];
}
