namespace TaxiDuration.Benchmarks;

/// <summary>The real month the benchmarks read: green 2021-01 in <c>TAXI_DATA_DIR</c>, the course's training month.</summary>
public static class BenchmarkData
{
    public const string VariableName = "TAXI_DATA_DIR";
    public const string FileName = "green_tripdata_2021-01.parquet";

    /// <summary>The month models fitted on <see cref="FileName"/> score: the course's validation month.</summary>
    public const string ScoringFileName = "green_tripdata_2021-02.parquet";

    /// <summary>Why the benchmarks cannot run, or null when the file is there.</summary>
    public static string? MissingReason()
    {
        var folder = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return $"{VariableName} is not set: point it at the folder holding {FileName} and {ScoringFileName} (e.g. ../shared/data/nyc-tlc).";
        }

        return new[] { FileName, ScoringFileName }.FirstOrDefault(name => !File.Exists(Path.Combine(folder, name))) is { } missing
            ? $"{VariableName}={folder} has no {missing}."
            : null;
    }

    /// <summary>Full path of the month; throws with <see cref="MissingReason"/> when it is absent.</summary>
    public static string MonthPath(string fileName = FileName) =>
        MissingReason() is { } reason
            ? throw new InvalidOperationException(reason)
            : Path.Combine(Environment.GetEnvironmentVariable(VariableName)!, fileName);
}
