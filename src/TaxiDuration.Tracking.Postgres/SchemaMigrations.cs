namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// The schema as an ordered list of migrations; migration N brings a database from version N-1 to N, recorded as a
/// row in <c>schema_version</c>. Never edit a shipped migration: databases in the field have already run it; append a
/// new one. Tables and columns match the SQLite backend's, so one mental model (and one set of ad-hoc queries) serves
/// both; the differences are PostgreSQL's: identity columns, native NaN, a run sequence in place of SQLite's rowid,
/// and triggers in PL/pgSQL.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<string> All { get; } = [TrackingTables, RegistryTables, DeploymentDecisions];

    public static int LatestVersion => All.Count;

    /// <summary>The SQLSTATE the refusing triggers raise: restrict_violation, an integrity error as SQLite's RAISE(ABORT) is.</summary>
    public const string RefusedChangeSqlState = "23001";

    private const string TrackingTables = """
        -- One function refuses every forbidden change; the trigger passes the sentence to say, so the error names the rule.
        CREATE FUNCTION tracking_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $refuse$
        BEGIN
            RAISE EXCEPTION '%', TG_ARGV[0]
                USING ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA;
        END;
        $refuse$;

        CREATE TABLE experiments (
            experiment_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL UNIQUE,
            created_ms bigint NOT NULL
        );

        CREATE TABLE runs (
            run_id text PRIMARY KEY,
            -- Insertion order: the tie-break SQLite's rowid gives runs started in the same millisecond.
            run_seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            experiment_id bigint NOT NULL REFERENCES experiments(experiment_id),
            parent_run_id text NULL REFERENCES runs(run_id),
            name text NOT NULL,
            status text NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED', 'KILLED')),
            start_ms bigint NOT NULL,
            end_ms bigint NULL,
            git_commit text NULL,
            owner_host text NOT NULL,
            owner_pid integer NOT NULL,
            owner_started_ms bigint NOT NULL
        );
        CREATE INDEX runs_by_experiment ON runs(experiment_id, start_ms);
        CREATE INDEX runs_by_parent ON runs(parent_run_id);
        CREATE INDEX runs_by_status ON runs(status);

        CREATE TABLE params (
            run_id text NOT NULL REFERENCES runs(run_id),
            key text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (run_id, key)
        );

        -- Params record what a run was started with: the database refuses to change them, whoever writes.
        CREATE TRIGGER params_immutable BEFORE UPDATE OR DELETE ON params
            FOR EACH ROW EXECUTE FUNCTION tracking_refuse_change('params are immutable');
        CREATE TRIGGER params_immutable_truncate BEFORE TRUNCATE ON params
            FOR EACH STATEMENT EXECUTE FUNCTION tracking_refuse_change('params are immutable');

        -- Every logged value is a row (history); the surrogate id keeps identical (key, step, time) values apart.
        -- double precision holds NaN natively, so SQLite's is_nan column has no counterpart here.
        CREATE TABLE metrics (
            metric_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id text NOT NULL REFERENCES runs(run_id),
            key text NOT NULL,
            value double precision NOT NULL,
            step bigint NOT NULL,
            timestamp_ms bigint NOT NULL
        );
        CREATE INDEX metrics_by_run_key ON metrics(run_id, key, step, timestamp_ms);

        CREATE TABLE tags (
            run_id text NOT NULL REFERENCES runs(run_id),
            key text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (run_id, key)
        );

        CREATE TABLE artifacts (
            run_id text NOT NULL REFERENCES runs(run_id),
            path text NOT NULL,
            sha256 text NOT NULL,
            size_bytes bigint NOT NULL,
            PRIMARY KEY (run_id, path)
        );

        CREATE TABLE data_fingerprints (
            run_id text NOT NULL REFERENCES runs(run_id),
            role text NOT NULL,
            month text NOT NULL,
            rows bigint NOT NULL,
            content_hash text NOT NULL,
            PRIMARY KEY (run_id, role, month)
        );
        """;

    private const string RegistryTables = """
        CREATE TABLE registered_models (
            name text PRIMARY KEY,
            created_ms bigint NOT NULL
        );

        CREATE TABLE model_versions (
            model_name text NOT NULL REFERENCES registered_models(name),
            version integer NOT NULL CHECK (version >= 1),
            run_id text NOT NULL REFERENCES runs(run_id),
            artifact_path text NOT NULL,
            artifact_sha256 text NOT NULL,
            feature_set text NOT NULL,
            created_ms bigint NOT NULL,
            PRIMARY KEY (model_name, version)
        );

        CREATE TABLE model_version_metrics (
            model_name text NOT NULL,
            version integer NOT NULL,
            key text NOT NULL,
            value double precision NOT NULL,
            PRIMARY KEY (model_name, version, key),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE model_version_months (
            model_name text NOT NULL,
            version integer NOT NULL,
            month text NOT NULL,
            PRIMARY KEY (model_name, version, month),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE model_version_tags (
            model_name text NOT NULL,
            version integer NOT NULL,
            key text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (model_name, version, key),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE model_aliases (
            model_name text NOT NULL REFERENCES registered_models(name),
            alias text NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (model_name, alias),
            FOREIGN KEY (model_name, version) REFERENCES model_versions(model_name, version)
        );

        CREATE TABLE alias_history (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            model_name text NOT NULL REFERENCES registered_models(name),
            alias text NOT NULL,
            from_version integer NULL,
            to_version integer NULL,
            reason text NOT NULL,
            actor text NOT NULL,
            changed_ms bigint NOT NULL
        );
        CREATE INDEX alias_history_by_model ON alias_history(model_name, sequence);

        -- The audit trail is append-only: the database itself refuses edits, not just this library.
        CREATE TRIGGER alias_history_append_only BEFORE UPDATE OR DELETE ON alias_history
            FOR EACH ROW EXECUTE FUNCTION tracking_refuse_change('alias_history is append-only');
        CREATE TRIGGER alias_history_append_only_truncate BEFORE TRUNCATE ON alias_history
            FOR EACH STATEMENT EXECUTE FUNCTION tracking_refuse_change('alias_history is append-only');
        """;

    // Level 3: what the deployment gate decided, append-only like the alias history it sits beside.
    private const string DeploymentDecisions = """
        CREATE TABLE deployment_decisions (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            model_name text NOT NULL,
            candidate_version integer NOT NULL,
            champion_version integer NULL,
            month text NOT NULL,
            verdict text NOT NULL,
            reason text NOT NULL,
            details text NOT NULL,
            actor text NOT NULL,
            decided_ms bigint NOT NULL,
            FOREIGN KEY (model_name, candidate_version) REFERENCES model_versions(model_name, version)
        );
        CREATE INDEX deployment_decisions_by_model ON deployment_decisions(model_name, sequence);

        CREATE TRIGGER deployment_decisions_append_only BEFORE UPDATE OR DELETE ON deployment_decisions
            FOR EACH ROW EXECUTE FUNCTION tracking_refuse_change('deployment_decisions is append-only');
        CREATE TRIGGER deployment_decisions_append_only_truncate BEFORE TRUNCATE ON deployment_decisions
            FOR EACH STATEMENT EXECUTE FUNCTION tracking_refuse_change('deployment_decisions is append-only');
        """;
}
