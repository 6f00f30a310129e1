using System.CommandLine;
using TaxiDuration.CommandLine;
using TaxiDuration.Tracking.Browsing;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary><c>models</c>: the registered versions and the history of every alias move.</summary>
public static class ModelsCommand
{
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var model = new Option<string>("--model") { Description = "registered model name", DefaultValueFactory = _ => TrainingPipelineOptions.DefaultModelName };
        var command = new Command("models", "List model versions and the alias history.") { model };
        command.SetAction(parse =>
        {
            using var store = StoreHost.Open(addStore);
            var name = parse.GetValue(model)!;
            if (!store.Registry.ListRegisteredModels().Any(registered => registered.Name == name))
            {
                Console.WriteLine($"No model '{name}' registered yet: run the Train target first.");
                return ExitCodes.Success;
            }

            TableView.Write($"Versions of {name}", TrackingTables.ModelVersions(store.Registry, name));
            TableView.Write($"Alias history of {name}", TrackingTables.AliasHistory(store.Registry, name));
            return ExitCodes.Success;
        });
        return command;
    }
}
