using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;
using TaxiDuration.Monitoring.Observation;
using TaxiDuration.TestSupport;

namespace TaxiDuration.PredictionLog.Tests;

/// <summary>The prediction log keeps every prediction it accepted, never blocks, and writes files other tools read.</summary>
public sealed class PredictionLogTests : IDisposable
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task A_graceful_stop_under_load_loses_nothing_and_duckdb_reads_what_was_written()
    {
        using var log = Log(out _, flushInterval: TimeSpan.FromMilliseconds(100));
        await log.StartAsync(CancellationToken.None);

        // Four writers at once, as request threads would; the stop comes while they are still appending.
        var accepted = 0;
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 2_500; i++)
            {
                if (log.TryAppend(Batch($"w{writer}-{i}", rides: 2), shadow: i % 2 == 0 ? Shadow() : null))
                {
                    Interlocked.Add(ref accepted, 2);
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await log.StopAsync(CancellationToken.None);

        var records = await PredictionLogFiles.ReadAllAsync(log.Root);
        Assert.Equal(20_000, accepted);
        Assert.Equal(accepted, records.Count);
        Assert.Equal(10_000, records.Count(record => record.ShadowPrediction is not null));
        Assert.Equal(records.Count, records.Select(record => (record.RequestId, record.RideIndex)).Distinct().Count());

        var duck = DuckDbRow($"SELECT count(*), sum(prediction), count(shadow_prediction), min(date) FROM read_parquet('{log.Root}/**/*.parquet', hive_partitioning = true)");
        Assert.Equal(accepted, Convert.ToInt64(duck[0], CultureInfo.InvariantCulture));
        Assert.Equal(records.Sum(record => (double)record.Prediction), Convert.ToDouble(duck[1], CultureInfo.InvariantCulture), 1);
        Assert.Equal(10_000, Convert.ToInt64(duck[2], CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2026, 12, 1), (DateOnly)duck[3]);
    }

    [Fact]
    public async Task A_record_reads_back_exactly_as_it_was_predicted()
    {
        using var log = Log(out _, flushInterval: TimeSpan.FromMilliseconds(50));
        await log.StartAsync(CancellationToken.None);

        Assert.True(log.TryAppend(Batch("request-1", rides: 1, TraceId), Shadow()));
        await log.StopAsync(CancellationToken.None);

        var record = Assert.Single(await PredictionLogFiles.ReadAllAsync(log.Root));
        Assert.Equal(new PredictionRecord(
            "request-1", new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), "client-9", "champion", "taxi-duration/3", 0, 43, 151, 1.5,
            new DateTime(2021, 3, 3, 8, 15, 0), "trip-request-1-0", 7.25f, 0.5, "challenger", "taxi-duration/4", 6.5f, 0.25, TraceId), record);
    }

    [Fact]
    public async Task Files_written_before_trace_ids_still_read_beside_new_ones_with_no_trace_id()
    {
        var written = await PredictionLogFiles.WriteAsync(folder.File("current"), "part.parquet", [Record("old-request", traceId: null)], CancellationToken.None);
        var root = folder.File("predictions");
        var day = PredictionLogFiles.DayFolder(root, new DateTime(2026, 11, 30));
        Directory.CreateDirectory(day);
        await LogFileBeforeTraceIds.WriteAsync(written, Path.Combine(day, "part-old.parquet"));
        await PredictionLogFiles.WriteAsync(day, "part-new.parquet", [Record("new-request", TraceId)], CancellationToken.None);

        var records = await PredictionLogFiles.ReadAllAsync(root);

        Assert.Equal([Record("new-request", TraceId), Record("old-request", traceId: null)], records);
        var duck = DuckDbRow($"SELECT count(*), count(trace_id) FROM read_parquet('{root}/**/*.parquet', union_by_name = true)");
        Assert.Equal(2, Convert.ToInt64(duck[0], CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt64(duck[1], CultureInfo.InvariantCulture));

        static PredictionRecord Record(string requestId, string? traceId) => new(
            requestId, new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), null, "champion", "taxi-duration/2", 0, 74, 75, 0.8,
            new DateTime(2021, 3, 3, 8, 16, 0), null, 4.5f, 0.25, null, null, null, null, traceId);
    }

    [Fact]
    public async Task Predictions_reach_the_disk_within_the_flush_interval_without_a_stop()
    {
        using var log = Log(out _, flushInterval: TimeSpan.FromMilliseconds(200));
        await log.StartAsync(CancellationToken.None);

        log.TryAppend(Batch("request-1", rides: 3), shadow: null);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists(log.Root) && Directory.GetFiles(log.Root, "*.parquet", SearchOption.AllDirectories).Length == 0 && DateTime.UtcNow < deadline
            || !Directory.Exists(log.Root) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(3, (await PredictionLogFiles.ReadAllAsync(log.Root)).Count);
        await log.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_and_counts_the_dropped_predictions()
    {
        // Never started: nothing drains the queue, as when the disk cannot keep up.
        using var log = Log(out var registry, flushInterval: TimeSpan.FromSeconds(1), capacity: 5);

        var accepted = Enumerable.Range(0, 8).Count(i => log.TryAppend(Batch($"r{i}", rides: 2), shadow: null));

        Assert.Equal(5, accepted);
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        Assert.Contains("taxi_prediction_log_dropped_total 6", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_round_trip_and_a_later_label_for_a_trip_wins()
    {
        var first = folder.File("labels/a.parquet");
        var second = folder.File("labels/b.parquet");
        await LabelFiles.WriteAsync(first, [new TripLabel("t1", 10), new TripLabel("t2", 20)]);
        await LabelFiles.WriteAsync(second, [new TripLabel("t2", 21)]);

        var labels = await LabelFiles.ReadAsync([first, second]);

        Assert.Equal(new Dictionary<string, float> { ["t1"] = 10, ["t2"] = 21 }, labels);
    }

    public void Dispose() => folder.Dispose();

    // What DuckDB, a reader that is not ours, finds: the one row of an aggregate query.
    private static object[] DuckDbRow(string sql)
    {
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var query = duck.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    private ParquetPredictionLog Log(out CollectorRegistry registry, TimeSpan flushInterval, int capacity = 100_000)
    {
        registry = Metrics.NewCustomRegistry();
        return new ParquetPredictionLog(
            Options.Create(new PredictionLogOptions { Directory = "predictions", FlushInterval = flushInterval, QueueCapacity = capacity }),
            new TestHostEnvironment(folder.Path), registry, TimeProvider.System, NullLogger<ParquetPredictionLog>.Instance);
    }

    private static PredictionBatch Batch(string requestId, int rides, string? traceId = null) => new(
        requestId,
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        "client-9",
        "champion",
        "taxi-duration/3",
        [.. Enumerable.Range(0, rides).Select(i => new ObservedRide(43 + i, 151, 1.5, new DateTime(2021, 3, 3, 8, 15, 0), $"trip-{requestId}-{i}"))],
        Enumerable.Repeat(7.25f, rides).ToArray(),
        TimeSpan.FromMilliseconds(0.5),
        traceId);

    private static ShadowPredictions Shadow() => new("challenger", "taxi-duration/4", new[] { 6.5f, 6.5f }, TimeSpan.FromMilliseconds(0.25));
}
