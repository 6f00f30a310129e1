using Microsoft.Data.Sqlite;
using TaxiDuration.Tracking.Artifacts;
using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Sqlite;

/// <summary>The embedded tracking backend: runs and their data in the SQLite file, artifact bytes in the content-addressed folder.</summary>
internal sealed class SqliteExperimentTracker(SqliteDatabase database, ContentAddressedFiles files, TimeProvider time, IRunOwnership ownership)
    : IExperimentTracker
{
    public string Location => database.FilePath;

    public Experiment CreateExperiment(string name)
    {
        TrackingNames.Key(name, "Experiment name");
        return database.Write(connection =>
        {
            if (FindExperiment(connection, name) is { } existing)
            {
                throw new InvalidOperationException($"Experiment '{name}' already exists (id {existing.ExperimentId}).");
            }

            connection.Execute("INSERT INTO experiments (name, created_ms) VALUES ($name, $now);", ("$name", name), ("$now", NowMilliseconds()));
            return FindExperiment(connection, name)!;
        });
    }

    public Experiment? GetExperimentByName(string name) => database.Read(connection => FindExperiment(connection, name));

    public Experiment GetOrCreateExperiment(string name)
    {
        TrackingNames.Key(name, "Experiment name");
        return database.Write(connection =>
        {
            connection.Execute(
                "INSERT INTO experiments (name, created_ms) VALUES ($name, $now) ON CONFLICT (name) DO NOTHING;",
                ("$name", name),
                ("$now", NowMilliseconds()));
            return FindExperiment(connection, name)!;
        });
    }

    public IReadOnlyList<Experiment> ListExperiments() => database.Read(connection =>
        connection.Query("SELECT experiment_id, name, created_ms FROM experiments ORDER BY name;", TrackingRows.ReadExperiment));

    public RunInfo CreateRun(NewRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        TrackingNames.Key(run.Name, "Run name");
        var experimentKey = TrackingRows.ExperimentKey(run.ExperimentId);
        var runId = Guid.NewGuid().ToString("N");
        var owner = ownership.Current;
        return database.Write(connection =>
        {
            if (connection.Scalar<long?>("SELECT experiment_id FROM experiments WHERE experiment_id = $id;", ("$id", experimentKey)) is null)
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

            connection.Execute(
                $"""
                INSERT INTO runs ({TrackingRows.RunColumns})
                VALUES ($id, $experiment, $parent, $name, 'RUNNING', $now, NULL, $commit, $host, $pid, $started);
                """,
                ("$id", runId),
                ("$experiment", experimentKey),
                ("$parent", run.ParentRunId),
                ("$name", run.Name),
                ("$now", NowMilliseconds()),
                ("$commit", run.GitCommit),
                ("$host", owner.Host),
                ("$pid", owner.ProcessId),
                ("$started", UnixTime.ToMilliseconds(owner.ProcessStartTime)));
            foreach (var (key, value) in run.Tags)
            {
                UpsertTag(connection, runId, key, value);
            }

            return FindRun(connection, runId)!;
        });
    }

    public RunInfo UpdateRun(string runId, RunStatus status) => database.Write(connection =>
    {
        var changed = connection.Execute(
            "UPDATE runs SET status = $status, end_ms = $end WHERE run_id = $id;",
            ("$id", runId),
            ("$status", status.ToMlflowName()),
            ("$end", status == RunStatus.Running ? null : NowMilliseconds()));
        return changed == 1 ? FindRun(connection, runId)! : throw UnknownRun(runId);
    });

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
            foreach (var metric in batch.Metrics)
            {
                connection.Execute(
                    "INSERT INTO metrics (run_id, key, value, is_nan, step, timestamp_ms) VALUES ($run, $key, $value, $nan, $step, $ts);",
                    ("$run", runId),
                    ("$key", metric.Key),
                    ("$value", double.IsNaN(metric.Value) ? null : metric.Value),
                    ("$nan", double.IsNaN(metric.Value) ? 1 : 0),
                    ("$step", metric.Step),
                    ("$ts", UnixTime.ToMilliseconds(metric.Timestamp)));
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
                INSERT INTO data_fingerprints (run_id, role, month, rows, content_hash) VALUES ($run, $role, $month, $rows, $hash)
                ON CONFLICT (run_id, role, month) DO UPDATE SET rows = excluded.rows, content_hash = excluded.content_hash;
                """,
                ("$run", runId),
                ("$role", fingerprint.Role),
                ("$month", fingerprint.Month),
                ("$rows", fingerprint.Rows),
                ("$hash", fingerprint.ContentHash));
        });
    }

    public Run GetRun(string runId) => database.Read(connection => LoadRun(connection, FindRun(connection, runId) ?? throw UnknownRun(runId)));

    public IReadOnlyList<Run> SearchRuns(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxResults, 1);
        var experimentKeys = query.ExperimentIds.Select(TrackingRows.ExperimentKey).ToArray();
        var conditions = new List<string>();
        var parameters = new List<(string, object?)> { ("$max", query.MaxResults) };
        if (experimentKeys.Length > 0)
        {
            conditions.Add($"experiment_id IN ({string.Join(", ", experimentKeys.Select((_, index) => $"$e{index}"))})");
            parameters.AddRange(experimentKeys.Select((key, index) => ($"$e{index}", (object?)key)));
        }

        if (query.Status is { } status)
        {
            conditions.Add("status = $status");
            parameters.Add(("$status", status.ToMlflowName()));
        }

        if (query.ParentRunId is { } parent)
        {
            conditions.Add("parent_run_id = $parent");
            parameters.Add(("$parent", parent));
        }
        else if (query.TopLevelOnly)
        {
            conditions.Add("parent_run_id IS NULL");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return database.Read(connection =>
        {
            var infos = connection.Query(
                $"SELECT {TrackingRows.RunColumns} FROM runs {where} ORDER BY start_ms DESC, rowid DESC LIMIT $max;",
                TrackingRows.ReadRunInfo,
                [.. parameters]);
            return infos.Select(info => LoadRun(connection, info)).ToArray();
        });
    }

    public IReadOnlyList<Metric> GetMetricHistory(string runId, string key) => database.Read(connection =>
    {
        RequireRun(connection, runId);
        return connection.Query(
            "SELECT key, value, is_nan, step, timestamp_ms FROM metrics WHERE run_id = $run AND key = $key ORDER BY step, timestamp_ms, metric_id;",
            TrackingRows.ReadMetric,
            ("$run", runId),
            ("$key", key));
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
                INSERT INTO artifacts (run_id, path, sha256, size_bytes) VALUES ($run, $path, $sha, $size)
                ON CONFLICT (run_id, path) DO UPDATE SET sha256 = excluded.sha256, size_bytes = excluded.size_bytes;
                """,
                ("$run", runId),
                ("$path", path),
                ("$sha", sha256),
                ("$size", size));
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
            $"SELECT {TrackingRows.RunColumns} FROM runs WHERE status = 'RUNNING' AND owner_host = $host;",
            TrackingRows.ReadRunInfo,
            ("$host", host)));
        var recovered = new List<RunInfo>();
        foreach (var run in running.Where(run => !ownership.IsAlive(run.Owner)))
        {
            var reason = $"abandoned: owning process {run.Owner.ProcessId} on {run.Owner.Host} is no longer running";
            var marked = database.Write(connection =>
            {
                // Conditional on RUNNING: the owner may have finished it, or another recoverer got there first.
                var changed = connection.Execute(
                    "UPDATE runs SET status = 'FAILED', end_ms = $now WHERE run_id = $id AND status = 'RUNNING';",
                    ("$id", run.RunId),
                    ("$now", NowMilliseconds()));
                if (changed == 0)
                {
                    return null;
                }

                UpsertTag(connection, run.RunId, TrackingTags.FailureReason, reason);
                return FindRun(connection, run.RunId);
            });
            if (marked is not null)
            {
                recovered.Add(marked);
            }
        }

        return recovered;
    }

    internal static ArtifactInfo ReadArtifact(SqliteConnection connection, string runId, string path)
    {
        RequireRun(connection, runId);
        return connection.Query(
                "SELECT run_id, path, sha256, size_bytes FROM artifacts WHERE run_id = $run AND path = $path;",
                ReadArtifactRow,
                ("$run", runId),
                ("$path", path))
            .SingleOrDefault()
            ?? throw new KeyNotFoundException($"Run '{runId}' has no artifact '{path}'; it has: {string.Join(", ", ReadArtifacts(connection, runId).Select(a => a.Path).DefaultIfEmpty("(none)"))}.");
    }

    internal static void RequireRun(SqliteConnection connection, string runId)
    {
        if (connection.Scalar<string>("SELECT run_id FROM runs WHERE run_id = $id;", ("$id", runId)) is null)
        {
            throw UnknownRun(runId);
        }
    }

    private static List<ArtifactInfo> ReadArtifacts(SqliteConnection connection, string runId) => connection.Query(
        "SELECT run_id, path, sha256, size_bytes FROM artifacts WHERE run_id = $run ORDER BY path;",
        ReadArtifactRow,
        ("$run", runId));

    private static ArtifactInfo ReadArtifactRow(SqliteDataReader row) => new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt64(3));

    private static Experiment? FindExperiment(SqliteConnection connection, string name) => connection.Query(
            "SELECT experiment_id, name, created_ms FROM experiments WHERE name = $name;",
            TrackingRows.ReadExperiment,
            ("$name", name))
        .SingleOrDefault();

    private static RunInfo? FindRun(SqliteConnection connection, string runId) => connection.Query(
            $"SELECT {TrackingRows.RunColumns} FROM runs WHERE run_id = $id;",
            TrackingRows.ReadRunInfo,
            ("$id", runId))
        .SingleOrDefault();

    private static Run LoadRun(SqliteConnection connection, RunInfo info)
    {
        var run = ("$run", (object?)info.RunId);
        var parameters = connection.Query("SELECT key, value FROM params WHERE run_id = $run ORDER BY key;", row => (row.GetString(0), row.GetString(1)), run);
        var tags = connection.Query("SELECT key, value FROM tags WHERE run_id = $run ORDER BY key;", row => (row.GetString(0), row.GetString(1)), run);
        var latest = connection.Query(
            """
            SELECT key, value, is_nan, step, timestamp_ms FROM metrics AS m
            WHERE run_id = $run AND metric_id = (
                SELECT metric_id FROM metrics WHERE run_id = m.run_id AND key = m.key
                ORDER BY step DESC, timestamp_ms DESC, metric_id DESC LIMIT 1)
            ORDER BY key;
            """,
            TrackingRows.ReadMetric,
            run);
        var fingerprints = connection.Query(
            "SELECT role, month, rows, content_hash FROM data_fingerprints WHERE run_id = $run ORDER BY role, month;",
            row => new DataFingerprint(row.GetString(0), row.GetString(1), row.GetInt64(2), row.GetString(3)),
            run);
        return new Run(
            info,
            parameters.ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal),
            latest.ToDictionary(metric => metric.Key, StringComparer.Ordinal),
            tags.ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal),
            fingerprints);
    }

    private static void InsertParam(SqliteConnection connection, string runId, string key, string value)
    {
        TrackingNames.Key(key, "Param key");
        ArgumentNullException.ThrowIfNull(value);
        var inserted = connection.Execute(
            "INSERT INTO params (run_id, key, value) VALUES ($run, $key, $value) ON CONFLICT (run_id, key) DO NOTHING;",
            ("$run", runId),
            ("$key", key),
            ("$value", value));
        if (inserted == 0)
        {
            var existing = connection.Scalar<string>("SELECT value FROM params WHERE run_id = $run AND key = $key;", ("$run", runId), ("$key", key))!;
            if (!string.Equals(existing, value, StringComparison.Ordinal))
            {
                throw new ParamConflictException(runId, key, existing, value);
            }
        }
    }

    private static void UpsertTag(SqliteConnection connection, string runId, string key, string value)
    {
        TrackingNames.Key(key, "Tag key");
        ArgumentNullException.ThrowIfNull(value);
        connection.Execute(
            "INSERT INTO tags (run_id, key, value) VALUES ($run, $key, $value) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value;",
            ("$run", runId),
            ("$key", key),
            ("$value", value));
    }

    private static KeyNotFoundException UnknownRun(string runId) => new($"Run '{runId}' does not exist in the tracking store.");

    private long NowMilliseconds() => UnixTime.ToMilliseconds(time.GetUtcNow());
}
