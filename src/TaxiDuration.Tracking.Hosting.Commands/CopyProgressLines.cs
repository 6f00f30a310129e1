using System.Globalization;
using TaxiDuration.CommandLine;
using TaxiDuration.Reporting;
using TaxiDuration.Tracking.Hosting.StoreCopy;

namespace TaxiDuration.Tracking.Hosting.Commands;

/// <summary>
/// Prints a copy as it goes, one line per finished table and per 100,000 rows of a big one, synchronously (Progress
/// would post lines to the thread pool, out of order), then the rows per table and the totals.
/// </summary>
internal sealed class CopyProgressLines : IProgress<StoreCopyProgress>
{
    public void Report(StoreCopyProgress value) =>
        Console.WriteLine(value.Done
            ? Invariant($"  {value.Table}: {value.Copied:N0} {(value.Copied == 1 ? "row" : "rows")}")
            : Invariant($"  {value.Table}: {value.Copied:N0} of {value.Total:N0} rows …"));

    public static void Summarize(StoreCopyResult result)
    {
        TableView.Write($"Copied into {result.Target}", new Table(
            ["table", "rows"],
            [.. result.Tables.Select(table => (IReadOnlyList<string>)[table.Table, Invariant($"{table.Rows:N0}")]), ["total", Invariant($"{result.TotalRows:N0}")]]));
        foreach (var missing in result.MissingArtifacts)
        {
            Console.WriteLine($"WARNING: run {missing.RunId} '{missing.ArtifactPath}' has no file at {missing.ExpectedFile} (SHA-256 {missing.Sha256}).");
        }

        var seconds = result.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant(
            $"Copied {result.TotalRows:N0} rows in {result.Tables.Count} tables in {seconds:0.0} s ({result.TotalRows / Math.Max(seconds, 0.001):N0} rows/s), one transaction; {result.ArtifactFiles:N0} artifact files checked, {result.MissingArtifacts.Count} missing."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
