namespace TaxiDuration.TestSupport;

/// <summary>
/// Where the real TLC months live for tests: the folder named by <c>TAXI_DATA_DIR</c>. Tests never download;
/// CI points the variable at the shared copy of the real files.
/// </summary>
public static class RealData
{
    public const string VariableName = "TAXI_DATA_DIR";

    /// <summary>The data folder, or null when the variable is unset or names a folder that does not exist.</summary>
    public static string? Directory
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(VariableName);
            return string.IsNullOrWhiteSpace(value) || !System.IO.Directory.Exists(value) ? null : Path.GetFullPath(value);
        }
    }

    /// <summary>Path of a green month, e.g. <c>GreenMonth("2021-01")</c>; throws when the data folder is absent.</summary>
    public static string GreenMonth(string yearMonth) =>
        Path.Combine(Directory ?? throw new InvalidOperationException($"{VariableName} is not set"), $"green_tripdata_{yearMonth}.parquet");

    /// <summary>Every green month file in the data folder, sorted; empty when the folder is absent.</summary>
    public static IReadOnlyList<string> AllGreenMonths() =>
        Directory is { } folder
            ? System.IO.Directory.GetFiles(folder, "green_tripdata_*.parquet").Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Why a real-data test is skipped, or null when it can run.</summary>
    public static string? SkipReason(params string[] requiredMonths)
    {
        if (Directory is null)
        {
            return $"real TLC data not available: set {VariableName} to a folder with the green_tripdata_*.parquet months";
        }

        var missing = requiredMonths.Where(month => !File.Exists(GreenMonth(month))).ToArray();
        return missing.Length == 0 ? null : $"{VariableName} lacks green months {string.Join(", ", missing)}";
    }
}

/// <summary>A fact that needs real TLC months; skipped, with the reason, only when they are not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : Xunit.FactAttribute
{
    public RealDataFactAttribute(params string[] months) => Skip = RealData.SkipReason(months);
}

/// <summary>A theory that needs real TLC months; skipped, with the reason, only when they are not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataTheoryAttribute : Xunit.TheoryAttribute
{
    public RealDataTheoryAttribute(params string[] months) => Skip = RealData.SkipReason(months);
}
