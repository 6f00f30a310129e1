using TaxiDuration.Data.Catalog;
using TaxiDuration.Data.Reading;
using TaxiDuration.Data.Validation;
using TaxiDuration.Trips;

namespace TaxiDuration.DataTool;

/// <summary>
/// Makes each requested month available through the <see cref="MonthCatalog"/> and validates it, saying for every
/// month whether it is real, downloaded or synthetic. Validation failures are collected, not thrown, so one run
/// reports on every month.
/// </summary>
internal sealed class DataPreparation(MonthCatalog catalog, ITripReader reader, TripDataValidator validator, TextWriter output)
{
    /// <returns>True when every month is available and passed validation.</returns>
    public async Task<bool> RunAsync(IReadOnlyList<TaxiMonth> months, string reportDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(reportDirectory);
        var allPassed = true;
        foreach (var month in months)
        {
            var file = await catalog.ResolveAsync(month, ct);
            await output.WriteLineAsync($"{month}: {Describe(file.Origin)} {file.Path}");
            if (file.Warning is { } warning)
            {
                await output.WriteLineAsync($"WARNING: {warning}");
            }

            var report = await validator.ValidateFileAsync(reader, file.Path, month, ct);
            await output.WriteLineAsync($"  validation {report}");
            var reportPath = Path.Combine(reportDirectory, $"validation-{month.YearMonth}.md");
            await File.WriteAllTextAsync(reportPath, report.ToMarkdown(), ct);
            allPassed &= report.Passed;
        }

        return allPassed;
    }

    private static string Describe(DataOrigin origin) => origin switch
    {
        DataOrigin.Real => "REAL",
        DataOrigin.Downloaded => "REAL (downloaded now)",
        DataOrigin.Synthetic => "SYNTHETIC",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "unknown data origin"),
    };
}
