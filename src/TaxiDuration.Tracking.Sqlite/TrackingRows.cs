using Microsoft.Data.Sqlite;
using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Sqlite;

/// <summary>Maps tracking rows to records.</summary>
internal static class TrackingRows
{
    public const string RunColumns =
        "run_id, experiment_id, parent_run_id, name, status, start_ms, end_ms, git_commit, owner_host, owner_pid, owner_started_ms";

    public static RunInfo ReadRunInfo(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        row.GetNullableString(2),
        row.GetString(3),
        RunStatusNames.Parse(row.GetString(4)),
        UnixTime.FromMilliseconds(row.GetInt64(5)),
        UnixTime.FromMilliseconds(row.GetNullableInt64(6)),
        row.GetNullableString(7),
        new RunOwner(row.GetString(8), row.GetInt32(9), UnixTime.FromMilliseconds(row.GetInt64(10))));

    public static Experiment ReadExperiment(SqliteDataReader row) => new(
        row.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        row.GetString(1),
        UnixTime.FromMilliseconds(row.GetInt64(2)));

    /// <summary>Columns: key, value, is_nan, step, timestamp_ms.</summary>
    public static Metric ReadMetric(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetInt64(2) != 0 ? double.NaN : row.GetDouble(1),
        row.GetInt64(3),
        UnixTime.FromMilliseconds(row.GetInt64(4)));

    /// <summary>Parses an experiment id as the integer the SQLite store uses; a foreign id fails naming it.</summary>
    public static long ExperimentKey(string experimentId) =>
        long.TryParse(experimentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new KeyNotFoundException($"Experiment id '{experimentId}' does not exist in this tracking store (ids are whole numbers).");
}
