using System.CommandLine;
using TaxiDuration.Automation.Commands;
using TaxiDuration.CommandLine;
using TaxiDuration.Deployment.Commands;
using TaxiDuration.Tracking.Hosting;
using TaxiDuration.Tracking.Hosting.Commands;
using TaxiDuration.TrainingPipeline.Commands;

// Level 4: nobody decides when to retrain. The loop monitors each labelled window against the champion's reference
// profile, a trigger policy (hysteresis, cooldowns, minimum data, maximum age) decides, candidates are retrained and
// the level-3 gate chooses; every window is a tracked run. replay-loop proves it on months beside three other policies.
HostComposition store = builder => builder.Services.AddTrackingStore(builder.Configuration);
var root = new RootCommand("Taxi trip-duration, level 4: drift- and performance-triggered retraining, gated, with no human in the loop.")
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
    LoopReplayCommand.Create(store),
    CopyTrackingStoreCommand.Create(),
};
return await CommandLineApp.RunAsync(root, args);
