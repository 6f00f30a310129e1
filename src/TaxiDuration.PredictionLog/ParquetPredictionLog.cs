using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.PredictionLog;

/// <summary>
/// The prediction log: requests are queued without waiting (a full queue drops and counts them, so logging never
/// slows or fails a request) and a background writer turns them into Parquet files at least every
/// <see cref="PredictionLogOptions.FlushInterval"/>, so a crash loses at most that much. A graceful stop writes
/// everything queued before the host exits.
/// </summary>
public sealed partial class ParquetPredictionLog : BackgroundService, IPredictionLog
{
    private readonly Channel<(PredictionBatch Batch, ShadowPredictions? Shadow)> queue;
    private readonly PredictionLogOptions options;
    private readonly string root;
    private readonly TimeProvider clock;
    private readonly ILogger<ParquetPredictionLog> logger;
    private readonly Counter dropped;
    private readonly Counter written;
    private int sequence;

    public ParquetPredictionLog(IOptions<PredictionLogOptions> options, IHostEnvironment environment, CollectorRegistry registry, TimeProvider clock, ILogger<ParquetPredictionLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        this.options = options.Value;
        root = Path.GetFullPath(this.options.Directory, environment.ContentRootPath);
        this.clock = clock;
        this.logger = logger;
        queue = Channel.CreateBounded<(PredictionBatch, ShadowPredictions?)>(new BoundedChannelOptions(this.options.QueueCapacity)
        {
            // Wait mode: TryWrite then answers false when full (DropWrite would drop silently and report success).
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        var factory = Metrics.WithCustomRegistry(registry);
        dropped = factory.CreateCounter("taxi_prediction_log_dropped_total", "Predictions not logged because the log's queue was full.");
        written = factory.CreateCounter("taxi_prediction_log_written_total", "Predictions written to the prediction log.");
    }

    /// <summary>The folder the log writes to.</summary>
    public string Root => root;

    public bool TryAppend(PredictionBatch batch, ShadowPredictions? shadow)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (queue.Writer.TryWrite((batch, shadow)))
        {
            return true;
        }

        dropped.Inc(batch.Rides.Count);
        return false;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        // A stop right after the start may cancel the writer before it ever ran: whatever is still queued is
        // written here, so a graceful stop never loses an accepted prediction.
        var remaining = new List<PredictionRecord>();
        while (queue.Reader.TryRead(out var item))
        {
            Append(remaining, item.Batch, item.Shadow);
        }

        if (remaining.Count > 0)
        {
            await FlushAsync(remaining);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new List<PredictionRecord>();
        var reader = queue.Reader;
        var lastFlush = clock.GetTimestamp();
        var open = true;
        while (open || pending.Count > 0)
        {
            // Wait for the next request, but never past the moment the pending rows are due on disk.
            var due = options.FlushInterval - clock.GetElapsedTime(lastFlush);
            if (open && due > TimeSpan.Zero && !reader.TryPeek(out _))
            {
                using var wait = new CancellationTokenSource(due);
                try
                {
                    open = await reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // The flush interval ended first.
                }
            }

            while (pending.Count < options.MaxRowsPerFile && reader.TryRead(out var item))
            {
                Append(pending, item.Batch, item.Shadow);
            }

            open &= !reader.Completion.IsCompleted;
            if (pending.Count > 0 && (!open || pending.Count >= options.MaxRowsPerFile || clock.GetElapsedTime(lastFlush) >= options.FlushInterval))
            {
                await FlushAsync(pending);
                lastFlush = clock.GetTimestamp();
            }
            else if (pending.Count == 0)
            {
                lastFlush = clock.GetTimestamp();
            }
        }
    }

    private static void Append(List<PredictionRecord> pending, PredictionBatch batch, ShadowPredictions? shadow)
    {
        var minutes = batch.Minutes.Span;
        var shadowMinutes = shadow is null ? ReadOnlySpan<float>.Empty : shadow.Minutes.Span;
        var time = batch.Time.UtcDateTime;
        for (var i = 0; i < batch.Rides.Count; i++)
        {
            var ride = batch.Rides[i];
            pending.Add(new PredictionRecord(
                batch.RequestId, time, batch.ClientKey, batch.Variant, batch.ModelVersion, i, ride.PickupZone, ride.DropoffZone, ride.TripDistance,
                ride.PickupTime, ride.TripKey, minutes[i], batch.Latency.TotalMilliseconds,
                shadow?.Variant, shadow?.ModelVersion, shadow is null ? null : shadowMinutes[i], shadow?.Latency.TotalMilliseconds, batch.TraceId));
        }
    }

    private async Task FlushAsync(List<PredictionRecord> pending)
    {
        // Never cancelled: what is flushed on the way down must reach the disk. A stop flushes the whole queue at once,
        // so files are cut here too: no file holds more than MaxRowsPerFile rows.
        foreach (var rows in pending.GroupBy(record => record.Time.Date).SelectMany(day => day.Chunk(options.MaxRowsPerFile)))
        {
            var name = string.Create(CultureInfo.InvariantCulture,
                $"part-{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Environment.ProcessId}-{Interlocked.Increment(ref sequence):D6}.parquet");
            try
            {
                await PredictionLogFiles.WriteAsync(PredictionLogFiles.DayFolder(root, rows[0].Time), name, rows, CancellationToken.None);
                written.Inc(rows.Length);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                dropped.Inc(rows.Length);
                LogWriteFailed(logger, rows.Length, root, failure.Message);
            }
        }

        pending.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} predictions to the prediction log in {Folder}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, int count, string folder, string reason);
}
