using System.Text.RegularExpressions;
using TaxiDuration.Trips;

namespace TaxiDuration.Automation.Cycle;

/// <summary>The green months whose TLC files are in a data folder, oldest first: what the loop walks or looks at.</summary>
public static partial class DataFolderMonths
{
    public static IReadOnlyList<TaxiMonth> List(string dataDirectory) =>
        Directory.Exists(dataDirectory)
            ? [.. Directory.GetFiles(dataDirectory, "green_tripdata_*.parquet")
                .Select(path => GreenFile().Match(Path.GetFileName(path)))
                .Where(match => match.Success)
                .Select(match => match.Groups["month"].Value)
                .Order(StringComparer.Ordinal)
                .Select(month => TaxiMonth.Parse("green " + month))]
            : [];

    [GeneratedRegex(@"^green_tripdata_(?<month>\d{4}-\d{2})\.parquet$", RegexOptions.CultureInvariant)]
    private static partial Regex GreenFile();
}
