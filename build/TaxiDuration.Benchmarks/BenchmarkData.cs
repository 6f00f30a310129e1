namespace TaxiDuration.Benchmarks;

/// <summary>The real month the benchmarks read: green 2021-01 in <c>TAXI_DATA_DIR</c>, the course's training month.</summary>
public static class BenchmarkData
{
    public const string VariableName = "TAXI_DATA_DIR";
    public const string FileName = "green_tripdata_2021-01.parquet";

    /// <summary>Why the benchmarks cannot run, or null when the file is there.</summary>
    public static string? MissingReason()
    {
        var folder = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return $"{VariableName} is not set: point it at the folder holding {FileName} (e.g. ../shared/data/nyc-tlc).";
        }

        return File.Exists(Path.Combine(folder, FileName)) ? null : $"{VariableName}={folder} has no {FileName}.";
    }

    /// <summary>Full path of the month; throws with <see cref="MissingReason"/> when it is absent.</summary>
    public static string MonthPath() =>
        MissingReason() is { } reason
            ? throw new InvalidOperationException(reason)
            : Path.Combine(Environment.GetEnvironmentVariable(VariableName)!, FileName);
}
