using Npgsql;
using TaxiDuration.Tracking.Artifacts;
using static TaxiDuration.Tracking.Postgres.RunQueries;
using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// The server tracking backend: runs and their data in PostgreSQL, artifact bytes in the shared content-addressed
/// folder. Behaves as the SQLite backend does, call for call; lists sort by code point (<c>COLLATE "C"</c>), as
/// SQLite's BINARY collation does, whatever the database's locale.
/// </summary>
internal sealed class PostgresExperimentTracker(PostgresDatabase database, ContentAddressedFiles files, TimeProvider time, IRunOwnership ownership)
    : IExperimentTracker
{
    public string Location => database.Location;

    public Experiment CreateExperiment(string name)
    {
        TrackingNames.Key(name, "Experiment name");
        return database.Write(connection =>
        {
            // Insert-or-nothing rather than check-then-insert: under READ COMMITTED a concurrent creator waits here
            // for the other's commit instead of failing on the unique index.
            var created = connection.Query(
                    $"INSERT INTO experiments (name, created_ms) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING RETURNING {TrackingRows.ExperimentColumns};",
                    TrackingRows.ReadExperiment,
                    ("name", name),
                    ("now", NowMilliseconds()))
                .SingleOrDefault();
            return created ?? throw new InvalidOperationException($"Experiment '{name}' already exists (id {FindExperiment(connection, name)!.ExperimentId}).");
        });
    }

    public Experiment? GetExperimentByName(string name) => database.Read(connection => FindExperiment(connection, name));

    public Experiment GetOrCreateExperiment(string name)
    {
        TrackingNames.Key(name, "Experiment name");
        return database.Write(connection =>
        {
            connection.Execute(
                "INSERT INTO experiments (name, created_ms) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING;",
                ("name", name),
                ("now", NowMilliseconds()));
            return FindExperiment(connection, name)!;
        });
    }

    public IReadOnlyList<Experiment> ListExperiments() => database.Read(connection =>
        connection.Query($"SELECT {TrackingRows.ExperimentColumns} FROM experiments ORDER BY name COLLATE \"C\";", TrackingRows.ReadExperiment));

    public RunInfo CreateRun(NewRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        TrackingNames.Key(run.Name, "Run name");
        var experimentKey = TrackingRows.ExperimentKey(run.ExperimentId);
        var runId = Guid.NewGuid().ToString("N");
        var owner = ownership.Current;
        return database.Write(connection =>
        {
            if (connection.Scalar<long?>("SELECT experiment_id FROM experiments WHERE experiment_id = @id;", ("id", experimentKey)) is null)
            {
                throw new KeyNotFoundException($"Experiment id '{run.ExperimentId}' does not exist; create it before starting run '{run.Name}'.");
            }

            if (run.ParentRunId is { } parentId)
            {
                var parent = FindRun(connection, parentId) ?? throw UnknownRun(parentId);
                if (parent.ExperimentId != run.ExperimentId)
                {
                    throw new ArgumentException($"Parent run '{parentId}' belongs to experiment {parent.ExperimentId}, not {run.ExperimentId}; a child run must share its parent's experiment.", nameof(run));
                }
            }

            var created = connection.Query(
                    $"""
                    INSERT INTO runs ({TrackingRows.RunColumns})
                    VALUES (@id, @experiment, @parent, @name, 'RUNNING', @now, NULL, @commit, @host, @pid, @started)
                    RETURNING {TrackingRows.RunColumns};
                    """,
                    TrackingRows.ReadRunInfo,
                    ("id", runId),
                    ("experiment", experimentKey),
                    ("parent", run.ParentRunId),
                    ("name", run.Name),
                    ("now", NowMilliseconds()),
                    ("commit", run.GitCommit),
                    ("host", owner.Host),
                    ("pid", owner.ProcessId),
                    ("started", UnixTime.ToMilliseconds(owner.ProcessStartTime)))
                .Single();
            foreach (var (key, value) in run.Tags)
            {
                UpsertTag(connection, runId, key, value);
            }

            return created;
        });
    }

    public RunInfo UpdateRun(string runId, RunStatus status) => database.Write(connection =>
        connection.Query(
                $"UPDATE runs SET status = @status, end_ms = @end WHERE run_id = @id RETURNING {TrackingRows.RunColumns};",
                TrackingRows.ReadRunInfo,
                ("id", runId),
                ("status", status.ToMlflowName()),
                ("end", status == RunStatus.Running ? null : NowMilliseconds()))
            .SingleOrDefault()
        ?? throw UnknownRun(runId));

    public void LogMetric(string runId, string key, double value, long step = 0) =>
        LogBatch(runId, new RunBatch { Metrics = [new Metric(key, value, step, time.GetUtcNow())] });

    public void LogParam(string runId, string key, string value) =>
        LogBatch(runId, new RunBatch { Params = new Dictionary<string, string> { [key] = value } });

    public void SetTag(string runId, string key, string value) =>
        LogBatch(runId, new RunBatch { Tags = new Dictionary<string, string> { [key] = value } });

    public void LogBatch(string runId, RunBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var metric in batch.Metrics)
        {
            TrackingNames.Key(metric.Key, "Metric key");
        }

        database.Write(connection =>
        {
            RequireRun(connection, runId);
            if (batch.Metrics.Count > 0)
            {
                // One statement for the whole batch: arrays unnested in order, so metric ids follow the batch's order.
                connection.Execute(
                    """
                    INSERT INTO metrics (run_id, key, value, step, timestamp_ms)
                    SELECT @run, m.key, m.value, m.step, m.timestamp_ms
                    FROM unnest(@keys, @values, @steps, @timestamps) WITH ORDINALITY AS m(key, value, step, timestamp_ms, position)
                    ORDER BY m.position;
                    """,
                    ("run", runId),
                    ("keys", batch.Metrics.Select(metric => metric.Key).ToArray()),
                    ("values", batch.Metrics.Select(metric => metric.Value).ToArray()),
                    ("steps", batch.Metrics.Select(metric => metric.Step).ToArray()),
                    ("timestamps", batch.Metrics.Select(metric => UnixTime.ToMilliseconds(metric.Timestamp)).ToArray()));
            }

            foreach (var (key, value) in batch.Params)
            {
                InsertParam(connection, runId, key, value);
            }

            foreach (var (key, value) in batch.Tags)
            {
                UpsertTag(connection, runId, key, value);
            }
        });
    }

    public void LogDataFingerprint(string runId, DataFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        TrackingNames.Key(fingerprint.Role, "Data role");
        TrackingNames.Key(fingerprint.Month, "Data month");
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint.ContentHash, nameof(fingerprint));
        ArgumentOutOfRangeException.ThrowIfNegative(fingerprint.Rows);
        database.Write(connection =>
        {
            RequireRun(connection, runId);
            connection.Execute(
                """
                INSERT INTO data_fingerprints (run_id, role, month, rows, content_hash) VALUES (@run, @role, @month, @rows, @hash)
                ON CONFLICT (run_id, role, month) DO UPDATE SET rows = excluded.rows, content_hash = excluded.content_hash;
                """,
                ("run", runId),
                ("role", fingerprint.Role),
                ("month", fingerprint.Month),
                ("rows", fingerprint.Rows),
                ("hash", fingerprint.ContentHash));
        });
    }

    public Run GetRun(string runId) => database.Read(connection => LoadRun(connection, FindRun(connection, runId) ?? throw UnknownRun(runId)));

    public IReadOnlyList<Run> SearchRuns(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxResults, 1);
        var experimentKeys = query.ExperimentIds.Select(TrackingRows.ExperimentKey).ToArray();
        var conditions = new List<string>();
        var parameters = new List<(string, object?)> { ("max", query.MaxResults) };
        if (experimentKeys.Length > 0)
        {
            conditions.Add("experiment_id = ANY(@experiments)");
            parameters.Add(("experiments", experimentKeys));
        }

        if (query.Status is { } status)
        {
            conditions.Add("status = @status");
            parameters.Add(("status", status.ToMlflowName()));
        }

        if (query.ParentRunId is { } parent)
        {
            conditions.Add("parent_run_id = @parent");
            parameters.Add(("parent", parent));
        }
        else if (query.TopLevelOnly)
        {
            conditions.Add("parent_run_id IS NULL");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return database.Read(connection =>
        {
            var infos = connection.Query(
                $"SELECT {TrackingRows.RunColumns} FROM runs {where} ORDER BY start_ms DESC, run_seq DESC LIMIT @max;",
                TrackingRows.ReadRunInfo,
                [.. parameters]);
            return infos.Select(info => LoadRun(connection, info)).ToArray();
        });
    }

    public IReadOnlyList<Metric> GetMetricHistory(string runId, string key) => database.Read(connection =>
    {
        RequireRun(connection, runId);
        return connection.Query(
            $"SELECT {TrackingRows.MetricColumns} FROM metrics WHERE run_id = @run AND key = @key ORDER BY step, timestamp_ms, metric_id;",
            TrackingRows.ReadMetric,
            ("run", runId),
            ("key", key));
    });

    public ArtifactInfo LogArtifact(string runId, string localFile, string? artifactPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localFile);
        var path = TrackingNames.ArtifactPath(artifactPath ?? Path.GetFileName(localFile));
        database.Read(connection => RequireRun(connection, runId));
        // Bytes first, row second: a crash in between leaves an unreferenced file, never a reference to missing bytes.
        var (sha256, size) = files.Store(localFile);
        database.Write(connection =>
        {
            RequireRun(connection, runId);
            connection.Execute(
                """
                INSERT INTO artifacts (run_id, path, sha256, size_bytes) VALUES (@run, @path, @sha, @size)
                ON CONFLICT (run_id, path) DO UPDATE SET sha256 = excluded.sha256, size_bytes = excluded.size_bytes;
                """,
                ("run", runId),
                ("path", path),
                ("sha", sha256),
                ("size", size));
        });
        return new ArtifactInfo(runId, path, sha256, size);
    }

    public IReadOnlyList<ArtifactInfo> ListArtifacts(string runId) => database.Read(connection =>
    {
        RequireRun(connection, runId);
        return ReadArtifacts(connection, runId);
    });

    public string GetVerifiedArtifactFile(string runId, string artifactPath)
    {
        var path = TrackingNames.ArtifactPath(artifactPath);
        var artifact = database.Read(connection => ReadArtifact(connection, runId, path));
        return files.Verified(artifact.Sha256);
    }

    public IReadOnlyList<RunInfo> RecoverAbandonedRuns()
    {
        var host = ownership.Current.Host;
        var running = database.Read(connection => connection.Query(
            $"SELECT {TrackingRows.RunColumns} FROM runs WHERE status = 'RUNNING' AND owner_host = @host;",
            TrackingRows.ReadRunInfo,
            ("host", host)));
        var recovered = new List<RunInfo>();
        foreach (var run in running.Where(run => !ownership.IsAlive(run.Owner)))
        {
            var reason = $"abandoned: owning process {run.Owner.ProcessId} on {run.Owner.Host} is no longer running";
            var marked = database.Write(connection =>
            {
                // Conditional on RUNNING: the owner may have finished it, or another recoverer got there first (the
                // row lock makes the second recoverer re-check after the first commits, and find nothing to do).
                var changed = connection.Query(
                        $"UPDATE runs SET status = 'FAILED', end_ms = @now WHERE run_id = @id AND status = 'RUNNING' RETURNING {TrackingRows.RunColumns};",
                        TrackingRows.ReadRunInfo,
                        ("id", run.RunId),
                        ("now", NowMilliseconds()))
                    .SingleOrDefault();
                if (changed is not null)
                {
                    UpsertTag(connection, run.RunId, TrackingTags.FailureReason, reason);
                }

                return changed;
            });
            if (marked is not null)
            {
                recovered.Add(marked);
            }
        }

        return recovered;
    }

    private static void InsertParam(NpgsqlConnection connection, string runId, string key, string value)
    {
        TrackingNames.Key(key, "Param key");
        ArgumentNullException.ThrowIfNull(value);
        // DO NOTHING, never DO UPDATE: the immutability trigger would refuse an update anyway; this keeps the refusal
        // a ParamConflictException naming both values, and the same value logged again a no-op.
        var inserted = connection.Execute(
            "INSERT INTO params (run_id, key, value) VALUES (@run, @key, @value) ON CONFLICT (run_id, key) DO NOTHING;",
            ("run", runId),
            ("key", key),
            ("value", value));
        if (inserted == 0)
        {
            var existing = connection.Scalar<string>("SELECT value FROM params WHERE run_id = @run AND key = @key;", ("run", runId), ("key", key))!;
            if (!string.Equals(existing, value, StringComparison.Ordinal))
            {
                throw new ParamConflictException(runId, key, existing, value);
            }
        }
    }

    private static void UpsertTag(NpgsqlConnection connection, string runId, string key, string value)
    {
        TrackingNames.Key(key, "Tag key");
        ArgumentNullException.ThrowIfNull(value);
        connection.Execute(
            "INSERT INTO tags (run_id, key, value) VALUES (@run, @key, @value) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value;",
            ("run", runId),
            ("key", key),
            ("value", value));
    }

    private long NowMilliseconds() => UnixTime.ToMilliseconds(time.GetUtcNow());
}
