using Npgsql;

namespace TaxiDuration.Tracking.Postgres;

/// <summary>
/// Reads of runs and their data inside a caller's transaction, shared by the tracker and the registry (which checks
/// a version's artifact against its run in the same transaction that registers it).
/// </summary>
internal static class RunQueries
{
    public static ArtifactInfo ReadArtifact(NpgsqlConnection connection, string runId, string path)
    {
        RequireRun(connection, runId);
        return connection.Query(
                "SELECT run_id, path, sha256, size_bytes FROM artifacts WHERE run_id = @run AND path = @path;",
                TrackingRows.ReadArtifact,
                ("run", runId),
                ("path", path))
            .SingleOrDefault()
            ?? throw new KeyNotFoundException($"Run '{runId}' has no artifact '{path}'; it has: {string.Join(", ", ReadArtifacts(connection, runId).Select(a => a.Path).DefaultIfEmpty("(none)"))}.");
    }

    public static void RequireRun(NpgsqlConnection connection, string runId)
    {
        if (connection.Scalar<string>("SELECT run_id FROM runs WHERE run_id = @id;", ("id", runId)) is null)
        {
            throw UnknownRun(runId);
        }
    }

    public static List<ArtifactInfo> ReadArtifacts(NpgsqlConnection connection, string runId) => connection.Query(
        "SELECT run_id, path, sha256, size_bytes FROM artifacts WHERE run_id = @run ORDER BY path COLLATE \"C\";",
        TrackingRows.ReadArtifact,
        ("run", runId));

    public static Experiment? FindExperiment(NpgsqlConnection connection, string name) => connection.Query(
            $"SELECT {TrackingRows.ExperimentColumns} FROM experiments WHERE name = @name;",
            TrackingRows.ReadExperiment,
            ("name", name))
        .SingleOrDefault();

    public static RunInfo? FindRun(NpgsqlConnection connection, string runId) => connection.Query(
            $"SELECT {TrackingRows.RunColumns} FROM runs WHERE run_id = @id;",
            TrackingRows.ReadRunInfo,
            ("id", runId))
        .SingleOrDefault();

    public static Run LoadRun(NpgsqlConnection connection, RunInfo info)
    {
        var run = ("run", (object?)info.RunId);
        var parameters = connection.Query("SELECT key, value FROM params WHERE run_id = @run;", row => (row.GetString(0), row.GetString(1)), run);
        var tags = connection.Query("SELECT key, value FROM tags WHERE run_id = @run;", row => (row.GetString(0), row.GetString(1)), run);
        // The latest value per key: highest step, then newest, then last logged.
        var latest = connection.Query(
            $"""
            SELECT DISTINCT ON (key) {TrackingRows.MetricColumns} FROM metrics
            WHERE run_id = @run
            ORDER BY key, step DESC, timestamp_ms DESC, metric_id DESC;
            """,
            TrackingRows.ReadMetric,
            run);
        var fingerprints = connection.Query(
            "SELECT role, month, rows, content_hash FROM data_fingerprints WHERE run_id = @run ORDER BY role COLLATE \"C\", month COLLATE \"C\";",
            row => new DataFingerprint(row.GetString(0), row.GetString(1), row.GetInt64(2), row.GetString(3)),
            run);
        return new Run(
            info,
            parameters.ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal),
            latest.ToDictionary(metric => metric.Key, StringComparer.Ordinal),
            tags.ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal),
            fingerprints);
    }

    public static KeyNotFoundException UnknownRun(string runId) => new($"Run '{runId}' does not exist in the tracking store.");
}
