using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TaxiDuration.Monitoring.Performance;
using TaxiDuration.PredictionLog;

namespace TaxiDuration.Dashboard;

/// <summary>
/// RMSE and MAE per variant per day, once labels exist: the service's own prediction log joined (on <c>trip_key</c>)
/// with the label files that landed in <see cref="DashboardOptions.LabelsDirectory"/> — level 3's monitor, live.
/// Recomputed only when a file was added or changed, so polling it costs a directory listing.
/// </summary>
public sealed class LabelledAccuracy(IOptions<PredictionLogOptions> log, IOptions<DashboardOptions> options, IHostEnvironment environment)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string fingerprint = "";
    private AccuracyResponse latest = AccuracyResponse.Empty("");

    public async Task<AccuracyResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var logFolder = Path.GetFullPath(log.Value.Directory, environment.ContentRootPath);
        var labelFolder = Path.GetFullPath(options.Value.LabelsDirectory, environment.ContentRootPath);
        var logFiles = Files(logFolder);
        var labelFiles = Files(labelFolder);
        var now = string.Join("|", logFiles.Concat(labelFiles).Select(file => $"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}"));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (now == fingerprint)
            {
                return latest;
            }

            var records = await PredictionLogFiles.ReadAllAsync(logFolder, cancellationToken);
            var labels = await LabelFiles.ReadAsync(labelFiles.Select(file => file.FullName), cancellationToken);
            var labelled = LabelledPredictions.Join(records, labels).ToList();
            latest = new AccuracyResponse(
                labelFolder,
                records.Count,
                labelled.Count,
                [.. VariantPerformance.ByVariantAndDay(labelled).Select(day => new VariantDayAccuracy(
                    day.Variant, day.ModelVersion, day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day.Count, day.Rmse, day.Mae, day.Bias))]);
            fingerprint = now;
            return latest;
        }
        finally
        {
            gate.Release();
        }
    }

    // Parquet files only: the log's writer renames a finished file into place, so a half-written one is never read.
    private static FileInfo[] Files(string folder) =>
        Directory.Exists(folder)
            ? [.. new DirectoryInfo(folder).EnumerateFiles("*.parquet", SearchOption.AllDirectories).OrderBy(file => file.FullName, StringComparer.Ordinal)]
            : [];
}
