using System.CommandLine;
using TaxiDuration.Level2.Training;

// Level 2: training is a tracked pipeline, models live in a registry, and promotion is a person's command.
// Every command reads and writes the one store named by TAXI_TRACKING_DIR (default: tracking/).
var root = new RootCommand("Taxi trip-duration, level 2: automated training with experiment tracking and a model registry.");
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(RunsCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(PromoteCommand.Create());
return await root.Parse(args).InvokeAsync();
