using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Parquet;
using Prometheus;
using TaxiDuration.Monitoring.Observation;
using TaxiDuration.TestSupport;

namespace TaxiDuration.PredictionLog.Tests;

/// <summary>
/// How the writer cuts files (rows per file, the flush interval on the log's own clock), what it counts, what it does
/// when the disk refuses, the file contract other readers rely on, and how a host registers it.
/// </summary>
public sealed class PredictionLogWriterTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task A_file_holds_at_most_MaxRowsPerFile_rows()
    {
        using var log = Log(new PredictionLogOptions { MaxRowsPerFile = 3 }, out _);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(log.TryAppend(Batch($"r{i}", rides: 1), shadow: null));
        }

        await log.StartAsync(CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        var rows = await RowsPerFile(log.Root);

        Assert.Equal([3, 3, 1], rows);
    }

    [Fact]
    public async Task Rows_are_written_once_the_flush_interval_has_passed_on_the_logs_clock()
    {
        // The interval is an hour on the log's clock: only the clock moving, not real time, can make it write.
        var clock = new SteppedClock();
        using var log = Log(new PredictionLogOptions { FlushInterval = TimeSpan.FromHours(1) }, out var registry, clock);
        await log.StartAsync(CancellationToken.None);
        // The writer runs on its own thread: once it has read the clock twice (its last flush, then how long to wait)
        // it is waiting for a request, and the hour can pass.
        await clock.ReadTwice.WaitAsync(TimeSpan.FromSeconds(20));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(log.TryAppend(Batch("late", rides: 2), shadow: null));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await PredictionLogFiles.ReadAllAsync(log.Root)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, (await PredictionLogFiles.ReadAllAsync(log.Root)).Count);
        Assert.Contains("taxi_prediction_log_written_total 2", await Exposition(registry), StringComparison.Ordinal);
        await log.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Written_predictions_are_counted_with_their_help_text()
    {
        using var log = Log(new PredictionLogOptions(), out var registry);
        log.TryAppend(Batch("a", rides: 3), shadow: null);
        log.TryAppend(Batch("b", rides: 2), shadow: null);

        await log.StartAsync(CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        var metrics = await Exposition(registry);
        Assert.Contains("# HELP taxi_prediction_log_written_total Predictions written to the prediction log.", metrics, StringComparison.Ordinal);
        Assert.Contains("taxi_prediction_log_written_total 5", metrics, StringComparison.Ordinal);
        Assert.Contains("# HELP taxi_prediction_log_dropped_total Predictions not logged because the log's queue was full.", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disk_that_refuses_the_write_drops_counts_and_logs_without_failing_the_host()
    {
        // The log's folder is a file: creating the day folder below it fails with an IOException.
        File.WriteAllText(folder.File("predictions"), "not a folder");
        var logger = new RecordingLogger<ParquetPredictionLog>();
        using var log = Log(new PredictionLogOptions(), out var registry, logger: logger);
        log.TryAppend(Batch("a", rides: 4), shadow: null);

        await log.StartAsync(CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        Assert.Contains("taxi_prediction_log_dropped_total 4", await Exposition(registry), StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.StartsWith($"Could not write 4 predictions to the prediction log in {log.Root}: ", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_time_and_model_columns_are_required_in_the_file()
    {
        // Readers (DuckDB, pandas, the monitor) rely on these never being null; the optional ones may be.
        var path = await PredictionLogFiles.WriteAsync(folder.File("day"), "part.parquet", [Record()], CancellationToken.None);

        var nullable = await NullableColumns(path);

        Assert.Equal(
            ["client_key", "shadow_latency_ms", "shadow_model_version", "shadow_prediction", "shadow_variant", "trace_id", "trip_key"],
            nullable);
    }

    [Fact]
    public async Task The_request_time_is_stored_as_utc_and_the_pickup_as_new_york_wall_clock()
    {
        var path = await PredictionLogFiles.WriteAsync(folder.File("day"), "part.parquet", [Record()], CancellationToken.None);
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);

        var times = reader.Schema.DataFields.OfType<Parquet.Schema.DateTimeDataField>().ToDictionary(field => field.Name, field => field.IsAdjustedToUTC);

        Assert.Equal(new Dictionary<string, bool> { ["time"] = true, ["pickup_time"] = false }, times);
    }

    [Fact]
    public async Task Label_keys_are_required_in_the_file()
    {
        var path = folder.File("labels.parquet");
        await LabelFiles.WriteAsync(path, [new TripLabel("t1", 10)]);

        Assert.Empty(await NullableColumns(path));
    }

    [Fact]
    public async Task Writing_labels_again_to_the_same_file_replaces_them()
    {
        var path = folder.File("labels.parquet");
        await LabelFiles.WriteAsync(path, [new TripLabel("t1", 10)]);
        await LabelFiles.WriteAsync(path, [new TripLabel("t2", 20)]);

        Assert.Equal(new Dictionary<string, float> { ["t2"] = 20 }, await LabelFiles.ReadAsync([path]));
        Assert.Equal(["labels.parquet"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Reading_skips_what_is_not_a_finished_parquet_file_and_an_absent_log_is_empty()
    {
        var root = folder.File("predictions");
        Assert.Empty(await PredictionLogFiles.ReadAllAsync(root));

        var day = PredictionLogFiles.DayFolder(root, new DateTime(2026, 12, 1));
        await PredictionLogFiles.WriteAsync(day, "part-1.parquet", [Record()], CancellationToken.None);
        // What a crash mid-write leaves behind, and a stray note: neither is part of the log.
        await File.WriteAllTextAsync(Path.Combine(day, ".part-2.parquet.tmp"), "half a file");
        await File.WriteAllTextAsync(Path.Combine(day, "README.txt"), "notes");

        Assert.Single(await PredictionLogFiles.ReadAllAsync(root));
    }

    [Fact]
    public void A_host_gets_one_log_as_both_the_prediction_log_and_its_background_writer()
    {
        using var provider = Services(new Dictionary<string, string?> { ["PredictionLog:Directory"] = "logs/predictions" });

        var log = provider.GetRequiredService<ParquetPredictionLog>();

        Assert.Same(log, provider.GetRequiredService<IPredictionLog>());
        Assert.Same(log, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal(Path.Combine(folder.Path, "logs", "predictions"), log.Root);
    }

    [Fact]
    public void The_default_folder_is_predictions_below_the_content_root()
    {
        using var provider = Services(new Dictionary<string, string?>());

        Assert.Equal(Path.Combine(folder.Path, "predictions"), provider.GetRequiredService<ParquetPredictionLog>().Root);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        using var provider = Services(new Dictionary<string, string?> { ["PredictionLog:FlushInterval"] = "00:00:00.001" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PredictionLogOptions>>().Value);

        Assert.Contains("FlushInterval", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(folder.Path))
            .AddSingleton(Metrics.NewCustomRegistry())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddPredictionLog(configuration)
            .BuildServiceProvider();
    }

    private ParquetPredictionLog Log(PredictionLogOptions options, out CollectorRegistry registry, TimeProvider? clock = null, ILogger<ParquetPredictionLog>? logger = null)
    {
        registry = Metrics.NewCustomRegistry();
        return new ParquetPredictionLog(Options.Create(options), new TestHostEnvironment(folder.Path), registry, clock ?? TimeProvider.System,
            logger ?? NullLogger<ParquetPredictionLog>.Instance);
    }

    private static async Task<string> Exposition(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<int[]> RowsPerFile(string root)
    {
        var rows = new List<int>();
        foreach (var file in Directory.GetFiles(root, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            await using var reader = await ParquetReader.CreateAsync(stream);
            rows.Add(Enumerable.Range(0, reader.RowGroupCount).Sum(index => (int)reader.OpenRowGroupReader(index).RowCount));
        }

        return [.. rows];
    }

    private static async Task<string[]> NullableColumns(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return [.. reader.Schema.DataFields.Where(field => field.IsNullable).Select(field => field.Name).Order(StringComparer.Ordinal)];
    }

    private static PredictionBatch Batch(string requestId, int rides) => new(
        requestId,
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        null,
        "champion",
        "taxi-duration/3",
        [.. Enumerable.Range(0, rides).Select(i => new ObservedRide(43, 151, 1.5, new DateTime(2021, 3, 3, 8, 15, 0), $"trip-{requestId}-{i}"))],
        Enumerable.Repeat(7.25f, rides).ToArray(),
        TimeSpan.FromMilliseconds(0.5),
        null);

    private static PredictionRecord Record() => new(
        "request-1", new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), null, "champion", "taxi-duration/3", 0, 43, 151, 1.5,
        new DateTime(2021, 3, 3, 8, 15, 0), null, 7.25f, 0.5, null, null, null, null, null);

    /// <summary>A clock whose elapsed time moves only when the test moves it (TimeProvider's own timestamps follow real time).</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private readonly TaskCompletionSource readTwice = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long ticks;
        private int reads;

        public Task ReadTwice => readTwice.Task;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            if (Interlocked.Increment(ref reads) == 2)
            {
                readTwice.SetResult();
            }

            return Interlocked.Read(ref ticks);
        }

        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }
}
