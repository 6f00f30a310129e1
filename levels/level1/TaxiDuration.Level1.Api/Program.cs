using TaxiDuration.Serving;

// Level 1: serve the model file a person trained and shipped (Model:Path / env var Model__Path). Picking a new
// model means replacing the file and restarting; later levels swap this for a registry and hot reload.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDurationPredictionService(builder.Configuration);

var app = builder.Build();
app.UseDurationPredictionPipeline();
app.MapDurationPredictionEndpoints();
app.Run();
