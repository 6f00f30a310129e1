using TaxiDuration.ServiceDefaults;
using TaxiDuration.Serving;
using TaxiDuration.Tracking.Sqlite;

// The container's HEALTHCHECK runs this binary with --healthcheck: probe the running service and exit.
if (LivenessProbe.IsRequested(args))
{
    return await LivenessProbe.RunAsync(LivenessProbe.DefaultUrl(), TimeSpan.FromSeconds(3));
}

// Level 2: serve what the registry calls champion (Registry:ModelUri, default taxi-duration@champion) from the
// tracking store in TAXI_TRACKING_DIR; model_version is the registry version. The alias is read at start, so a
// promotion takes effect when a person restarts the service.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddDurationPredictionService(builder.Configuration);
builder.Services.AddTrackingStore(builder.Configuration);
builder.Services.AddRegistryModelSource(builder.Configuration);

var app = builder.Build();
app.MapDurationPredictionService();
await app.RunAsync();
return 0;
