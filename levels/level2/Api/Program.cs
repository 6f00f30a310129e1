using TaxiDuration.ServiceDefaults;
using TaxiDuration.Serving;
using TaxiDuration.Tracking.Hosting;
using TaxiDuration.Tracking.Sqlite;

// The container's HEALTHCHECK runs this binary with --healthcheck: probe the running service's readiness and exit.
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(HealthProbe.DefaultUrl(), TimeSpan.FromSeconds(3));
}

// Level 2: serve what the registry calls champion (Registry:ModelUri, default taxi-duration@champion) from the
// tracking store in TAXI_TRACKING_DIR, opened read-only; model_version is the registry version. The alias is read
// at start, so a promotion takes effect when a person restarts the service.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddDurationPredictionService(builder.Configuration);
builder.Services.AddTrackingStore(builder.Configuration, TrackingStoreAccess.ReadOnly);
builder.Services.AddRegistryModelSource(builder.Configuration);

var app = builder.Build();
app.MapDurationPredictionService();
return await app.RunServiceAsync();
