using TaxiDuration.Deployment.Monitor;
using TaxiDuration.PredictionLog;
using TaxiDuration.TestSupport;
using TaxiDuration.Tracking;
using TaxiDuration.Tracking.Sqlite;

namespace TaxiDuration.Deployment.Tests.Release;

/// <summary>The per-variant monitor on a real log and label files: joins on trip_key, shadows as their own variant.</summary>
public sealed class VariantMonitorTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task Each_variant_gets_its_errors_from_its_own_labelled_answers_and_the_shadow_its_own_row()
    {
        // Champion answers 4 minutes too long on every trip of day 1; challenger 2 short on day 2; the shadow
        // (the challenger scoring champion's requests) is exact. Trip "unknown" has no label and is left out.
        var day1 = new DateTime(2021, 4, 1, 8, 0, 0);
        var day2 = day1.AddDays(1);
        var records = Enumerable.Range(0, 150).Select(i => Record($"a{i}", "champion", "taxi-duration/1", day1, prediction: 14, shadow: 10))
            .Concat(Enumerable.Range(0, 150).Select(i => Record($"b{i}", "challenger", "taxi-duration/2", day2, prediction: 8, shadow: null)))
            .Append(Record("unknown", "champion", "taxi-duration/1", day1, prediction: 1, shadow: null))
            .ToList();
        var log = folder.File("predictions");
        await PredictionLogFiles.WriteAsync(PredictionLogFiles.DayFolder(log, day1), "part-1.parquet", records, CancellationToken.None);
        var labels = folder.File("labels/2021-04.parquet");
        await LabelFiles.WriteAsync(labels, [.. records.Where(record => record.TripKey != "unknown").Select(record => new TripLabel(record.TripKey!, 10))]);
        var store = TrackingStore.Open(new TrackingStoreOptions { DatabasePath = folder.File("tracking/tracking.db") });

        var report = await new VariantMonitor(store.Tracker).RunAsync(log, [labels], folder.File("monitor"), CancellationToken.None);

        Assert.Equal(301, report.LoggedPredictions);
        Assert.Equal(300, report.Labelled);
        var overall = report.Overall.ToDictionary(row => row.Variant);
        Assert.Equal((150, 4.0, 4.0), (overall["champion"].Count, overall["champion"].Rmse, overall["champion"].Bias));
        Assert.Equal((150, 2.0, -2.0), (overall["challenger"].Count, overall["challenger"].Rmse, overall["challenger"].Bias));
        Assert.Equal((150, 0.0), (overall["challenger (shadow)"].Count, overall["challenger (shadow)"].Rmse));
        Assert.Equal([new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 2)], report.ByDay.Select(row => row.Day).Distinct().Order());
        Assert.True(File.Exists(Path.Combine(folder.File("monitor"), VariantMonitor.RmsePlot)));
        Assert.Contains("| champion | taxi-duration/1 | 150 | 4 |", await File.ReadAllTextAsync(report.ReportPath), StringComparison.Ordinal);
        var run = store.Tracker.GetRun(report.RunId);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal(4.0, run.LatestMetrics["champion.rmse"].Value, 9);
        Assert.Equal(0.0, run.LatestMetrics["challenger.shadow.rmse"].Value, 9);
    }

    public void Dispose() => folder.Dispose();

    private static PredictionRecord Record(string tripKey, string variant, string version, DateTime pickup, float prediction, float? shadow) => new(
        $"request-{tripKey}", pickup, "client", variant, version, 0, 43, 151, 2.5, pickup, tripKey, prediction, 0.4,
        shadow is null ? null : "challenger", shadow is null ? null : "taxi-duration/2", shadow, shadow is null ? null : 0.3);
}
