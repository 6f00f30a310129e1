using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaxiDuration.Data.Catalog;

namespace TaxiDuration.Automation.Cycle;

/// <summary>
/// Level 4's scheduled monitor: a cycle on the newest labelled months of the data folder every
/// <see cref="MonitorCycleOptions.Interval"/>. A failed cycle is logged and retried at the next tick; it never updates
/// the metrics file's last-success time, so the stale-loop alert fires if failures persist.
/// </summary>
public sealed partial class MonitorWorker(
    MonitorCycle cycle, IOptions<MonthCatalogOptions> data, IOptions<MonitorCycleOptions> options, ILogger<MonitorWorker> logger) : BackgroundService
{
    /// <summary>Runs one cycle; returns its one-line summary.</summary>
    public async Task<CycleResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var months = DataFolderMonths.List(data.Value.DataDirectory);
        var result = await cycle.RunAsync(months, cancellationToken);
        CycleDone(logger, result.Summary);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                CycleFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitor cycle: {Summary}")]
    private static partial void CycleDone(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitor cycle failed; the next tick retries")]
    private static partial void CycleFailed(ILogger logger, Exception failure);
}
