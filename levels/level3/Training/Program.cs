using System.CommandLine;
using TaxiDuration.CommandLine;
using TaxiDuration.Deployment.Commands;
using TaxiDuration.Tracking.Hosting;
using TaxiDuration.Tracking.Hosting.Commands;
using TaxiDuration.TrainingPipeline.Commands;

// Level 3: a model reaches production through a gate, not a person: train registers a challenger, gate judges it
// against the champion on an unseen labelled month and promotes it, and running services hot-reload it. Replay
// sends a real month through the service (with its ground truth) and monitor reports each variant's quality.
HostComposition store = builder => builder.Services.AddTrackingStore(builder.Configuration);
var root = new RootCommand("Taxi trip-duration, level 3: automated deployment through a promotion gate.")
{
    TrainCommand.Create(store),
    RunsCommand.Create(store),
    ModelsCommand.Create(store),
    PromoteCommand.Create(store, servedWhen: "Running level-3 services serve it within a registry poll."),
    GateCommand.Create(store),
    RollbackCommand.Create(store),
    DecisionsCommand.Create(store),
    ReplayCommand.Create(),
    MonitorCommand.Create(store),
    CopyTrackingStoreCommand.Create(),
};
return await CommandLineApp.RunAsync(root, args);
