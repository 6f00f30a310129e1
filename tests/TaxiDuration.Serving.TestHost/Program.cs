using TaxiDuration.ServiceDefaults;
using TaxiDuration.Serving;

// Serves the model file Model:Path names, composed as the level-1 service composes it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddDurationPredictionService(builder.Configuration);
builder.Services.AddModelFileSource(builder.Configuration);

var app = builder.Build();
app.MapDurationPredictionService();
return await app.RunServiceAsync();
