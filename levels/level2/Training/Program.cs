using System.CommandLine;
using TaxiDuration.CommandLine;
using TaxiDuration.Tracking.Hosting;
using TaxiDuration.Tracking.Hosting.Commands;
using TaxiDuration.TrainingPipeline.Commands;

// Level 2: training is a tracked pipeline, models live in a registry, and promotion is a person's command.
// Every command reads and writes the one store in TAXI_TRACKING_DIR (or Tracking:Directory; default tracking/).
HostComposition store = builder => builder.Services.AddTrackingStore(builder.Configuration);
var root = new RootCommand("Taxi trip-duration, level 2: automated training with experiment tracking and a model registry.")
{
    TrainCommand.Create(store),
    RunsCommand.Create(store),
    ModelsCommand.Create(store),
    PromoteCommand.Create(store, servedWhen: "Restart the level-2 service to serve it."),
    CopyTrackingStoreCommand.Create(),
};
return await CommandLineApp.RunAsync(root, args);
