using TaxiDuration.ServiceDefaults;
using TaxiDuration.Serving;

// The container's HEALTHCHECK runs this binary with --healthcheck: probe the running service's readiness and exit.
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(HealthProbe.DefaultUrl(), TimeSpan.FromSeconds(3));
}

// Level 1: serve the model file a person trained and shipped (Model:Path / env var Model__Path). Picking a new
// model means replacing the file and restarting.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddDurationPredictionService(builder.Configuration);
builder.Services.AddModelFileSource(builder.Configuration);

var app = builder.Build();
app.MapDurationPredictionService();
return await app.RunServiceAsync();
