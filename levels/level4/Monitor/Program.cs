using TaxiDuration.Automation;
using TaxiDuration.Automation.Cycle;
using TaxiDuration.ServiceDefaults;
using TaxiDuration.Tracking.Hosting;

// Level 4's scheduled monitor: every Monitor:Interval it looks at the newest labelled month of the data folder
// (TAXI_DATA_DIR) with the registry's champion, lets the trigger policy decide, and on a retrain registers and
// promotes the gate's winner; level-3 services hot-reload it. --once runs one cycle and exits (what cron or a
// scheduled workflow calls); without it the worker runs with /health and /metrics like every service.
var once = args.Contains("--once");
var builder = WebApplication.CreateBuilder([.. args.Where(arg => arg != "--once")]);
builder.AddServiceDefaults();
builder.Services.AddTrackingStore(builder.Configuration);
builder.Services.AddRetrainingLoop(builder.Configuration);
if (once)
{
    using var host = builder.Build();
    try
    {
        var result = await host.Services.GetRequiredService<MonitorWorker>().RunOnceAsync(CancellationToken.None);
        Console.WriteLine(result.Summary);
        return 0;
    }
    catch (Exception failure) when (failure is not OutOfMemoryException)
    {
        await Console.Error.WriteLineAsync($"error: the monitor cycle failed: {failure.Message}");
        return 1;
    }
}

builder.Services.AddHostedService(provider => provider.GetRequiredService<MonitorWorker>());
var app = builder.Build();
app.MapServiceDefaults();
return await app.RunServiceAsync();
