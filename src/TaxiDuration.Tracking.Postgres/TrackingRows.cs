using System.Globalization;
using Npgsql;
using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Postgres;

/// <summary>Maps tracking rows to records; the column lists are the SQLite backend's, minus SQLite's NaN flag.</summary>
internal static class TrackingRows
{
    public const string RunColumns =
        "run_id, experiment_id, parent_run_id, name, status, start_ms, end_ms, git_commit, owner_host, owner_pid, owner_started_ms";

    public const string ExperimentColumns = "experiment_id, name, created_ms";

    /// <summary>Columns: key, value, step, timestamp_ms.</summary>
    public const string MetricColumns = "key, value, step, timestamp_ms";

    public static RunInfo ReadRunInfo(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1).ToString(CultureInfo.InvariantCulture),
        row.GetNullableString(2),
        row.GetString(3),
        RunStatusNames.Parse(row.GetString(4)),
        UnixTime.FromMilliseconds(row.GetInt64(5)),
        UnixTime.FromMilliseconds(row.GetNullableInt64(6)),
        row.GetNullableString(7),
        new RunOwner(row.GetString(8), row.GetInt32(9), UnixTime.FromMilliseconds(row.GetInt64(10))));

    public static Experiment ReadExperiment(NpgsqlDataReader row) => new(
        row.GetInt64(0).ToString(CultureInfo.InvariantCulture),
        row.GetString(1),
        UnixTime.FromMilliseconds(row.GetInt64(2)));

    public static Metric ReadMetric(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetDouble(1),
        row.GetInt64(2),
        UnixTime.FromMilliseconds(row.GetInt64(3)));

    public static ArtifactInfo ReadArtifact(NpgsqlDataReader row) => new(row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt64(3));

    /// <summary>Parses an experiment id as the integer this store uses; a foreign id fails naming it.</summary>
    public static long ExperimentKey(string experimentId) =>
        long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new KeyNotFoundException($"Experiment id '{experimentId}' does not exist in this tracking store (ids are whole numbers).");
}
