using TaxiDuration.Dashboard;
using TaxiDuration.PredictionLog;
using TaxiDuration.ServiceDefaults;
using TaxiDuration.Serving;
using TaxiDuration.Serving.Rollout;
using TaxiDuration.Tracking.Hosting;
using TaxiDuration.Tracking.Sqlite;

// The container's HEALTHCHECK runs this binary with --healthcheck: probe the running service's readiness and exit.
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(HealthProbe.DefaultUrl(), TimeSpan.FromSeconds(3));
}

// Level 3: the variants in Rollout (the champion; a challenger with a share of the traffic, or in shadow) follow
// their registry aliases and hot-reload when the gate promotes, with no restart; every prediction is logged. An
// operations dashboard (/dashboard) shows what is served, the traffic, the gate's decisions and the level-4 loop.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddDurationPredictionService(builder.Configuration);
builder.Services.AddTrackingStore(builder.Configuration, TrackingStoreAccess.ReadOnly);
builder.Services.AddRegistryRollout(builder.Configuration);
builder.Services.AddPredictionLog(builder.Configuration);
builder.Services.AddOperationsDashboard(builder.Configuration);

var app = builder.Build();
app.MapDurationPredictionService();
app.MapRolloutEndpoints();
app.MapOperationsDashboard();
return await app.RunServiceAsync();
