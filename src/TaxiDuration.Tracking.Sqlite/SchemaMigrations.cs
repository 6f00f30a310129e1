namespace TaxiDuration.Tracking.Sqlite;

/// <summary>
/// The schema as an ordered list of migrations; migration N brings a store from version N-1 to N, recorded in
/// <c>PRAGMA user_version</c>. Never edit a shipped migration: stores in the field have already run it; append a new one.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<string> All { get; } = [TrackingTables, RegistryTables, DeploymentDecisions, ImmutableParams];

    public static int LatestVersion => All.Count;

    private const string TrackingTables = """
        CREATE TABLE experiments (
            experiment_id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            created_ms INTEGER NOT NULL
        );

        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
            parent_run_id TEXT NULL REFERENCES runs(run_id),
            name TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED', 'KILLED')),
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NULL,
            git_commit TEXT NULL,
            owner_host TEXT NOT NULL,
            owner_pid INTEGER NOT NULL,
            owner_started_ms INTEGER NOT NULL
        );
        CREATE INDEX runs_by_experiment ON runs(experiment_id, start_ms);
        CREATE INDEX runs_by_parent ON runs(parent_run_id);
        CREATE INDEX runs_by_status ON runs(status);

        CREATE TABLE params (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key)
        );

        -- Every logged value is a row (history); the surrogate id keeps identical (key, step, time) values apart.
        CREATE TABLE metrics (
            metric_id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            key TEXT NOT NULL,
            value REAL NULL,
            is_nan INTEGER NOT NULL DEFAULT 0,
            step INTEGER NOT NULL,
            timestamp_ms INTEGER NOT NULL
        );
        CREATE INDEX metrics_by_run_key ON metrics(run_id, key, step, timestamp_ms);

        CREATE TABLE tags (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key)
        );

        CREATE TABLE artifacts (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            PRIMARY KEY (run_id, path)
        );

        CREATE TABLE data_fingerprints (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            role TEXT NOT NULL,
            month TEXT NOT NULL,
            rows INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            PRIMARY KEY (run_id, role, month)
        );
        """;

    private const string RegistryTables = """
        CREATE TABLE registered_models (
            name TEXT PRIMARY KEY,
            created_ms INTEGER NOT NULL
        );

        CREATE TABLE model_versions (
            model_name TEXT NOT NULL REFERENCES registered_models(name),
            version INTEGER NOT NULL CHECK (version >= 1),
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            artifact_path TEXT NOT NULL,
            artifact_sha256 TEXT NOT NULL,
            feature_set TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            PRIMARY KEY (model_name, version)
        );

        CREATE TABLE model_version_metrics (
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            key TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (model_name, version, key),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE model_version_months (
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            month TEXT NOT NULL,
            PRIMARY KEY (model_name, version, month),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE model_version_tags (
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (model_name, version, key),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE model_aliases (
            model_name TEXT NOT NULL REFERENCES registered_models(name),
            alias TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (model_name, alias),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE alias_history (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL REFERENCES registered_models(name),
            alias TEXT NOT NULL,
            from_version INTEGER NULL,
            to_version INTEGER NULL,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL,
            changed_ms INTEGER NOT NULL
        );

        -- The audit trail is append-only: the database itself refuses edits, not just this library.
        CREATE TRIGGER alias_history_no_update BEFORE UPDATE ON alias_history
        BEGIN SELECT RAISE(ABORT, 'alias_history is append-only'); END;
        CREATE TRIGGER alias_history_no_delete BEFORE DELETE ON alias_history
        BEGIN SELECT RAISE(ABORT, 'alias_history is append-only'); END;
        """;

    // Level 3: what the deployment gate decided, append-only like the alias history it sits beside.
    private const string DeploymentDecisions = """
        CREATE TABLE deployment_decisions (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL,
            candidate_version INTEGER NOT NULL,
            champion_version INTEGER NULL,
            month TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reason TEXT NOT NULL,
            details TEXT NOT NULL,
            actor TEXT NOT NULL,
            decided_ms INTEGER NOT NULL,
            FOREIGN KEY (model_name, candidate_version) REFERENCES model_versions(model_name, version)
        );
        CREATE INDEX deployment_decisions_by_model ON deployment_decisions(model_name, sequence);

        CREATE TRIGGER deployment_decisions_no_update BEFORE UPDATE ON deployment_decisions
        BEGIN SELECT RAISE(ABORT, 'deployment_decisions is append-only'); END;
        CREATE TRIGGER deployment_decisions_no_delete BEFORE DELETE ON deployment_decisions
        BEGIN SELECT RAISE(ABORT, 'deployment_decisions is append-only'); END;
        """;

    // Params record what a run was started with: the database refuses to change them, whoever writes, as PostgreSQL's
    // params_immutable does (the contract suite found SQLite leaving it to the library alone). Logging the same value
    // again is an INSERT ... DO NOTHING, so no trigger fires for it.
    private const string ImmutableParams = """
        CREATE TRIGGER params_no_update BEFORE UPDATE ON params
        BEGIN SELECT RAISE(ABORT, 'params are immutable'); END;
        CREATE TRIGGER params_no_delete BEFORE DELETE ON params
        BEGIN SELECT RAISE(ABORT, 'params are immutable'); END;
        """;
}
