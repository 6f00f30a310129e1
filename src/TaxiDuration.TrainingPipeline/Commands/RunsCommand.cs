using System.CommandLine;
using TaxiDuration.CommandLine;
using TaxiDuration.Tracking.Browsing;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary><c>runs</c>: experiments and their runs with metrics; <c>--compare</c> puts chosen runs side by side.</summary>
public static class RunsCommand
{
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var experiment = new Option<string>("--experiment") { Description = "experiment to list", DefaultValueFactory = _ => TrainingPipelineOptions.DefaultExperiment };
        var compare = new Option<string?>("--compare") { Description = "comma-separated run ids to compare side by side" };
        var limit = new Option<int>("--limit") { Description = "most recent runs to list", DefaultValueFactory = _ => 30 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--limit {result.GetValueOrDefault<int>()} must be at least 1.");
            }
        });
        var command = new Command("runs", "List experiments and runs with their metrics, or compare runs.") { experiment, compare, limit };
        command.SetAction(parse =>
        {
            using var store = StoreHost.Open(addStore);
            // A pipeline killed mid-run left its run RUNNING; listing is when a person looks, so settle it first.
            store.Tracker.RecoverAbandonedRuns();
            if (parse.GetValue(compare) is { } ids)
            {
                TableView.Write("Runs compared", TrackingTables.CompareRuns(store.Tracker, ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                return ExitCodes.Success;
            }

            TableView.Write("Experiments", TrackingTables.Experiments(store.Tracker));
            var name = parse.GetValue(experiment)!;
            if (store.Tracker.GetExperimentByName(name) is null)
            {
                Console.WriteLine($"No experiment '{name}' yet: run the Train target first.");
                return ExitCodes.Success;
            }

            TableView.Write($"Runs of {name}", TrackingTables.Runs(store.Tracker, name, parse.GetValue(limit)));
            return ExitCodes.Success;
        });
        return command;
    }
}
