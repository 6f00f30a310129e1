using System.CommandLine;
using TaxiDuration.Tracking.Browsing;
using TaxiDuration.TrainingPipeline;

namespace TaxiDuration.Level2.Training;

/// <summary><c>models</c>: the registered versions and the history of every alias move.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "registered model name", DefaultValueFactory = _ => TrainingPipelineOptions.DefaultModelName };
        var command = new Command("models", "List model versions and the alias history.") { model };
        command.SetAction(parse =>
        {
            var store = StoreLocation.Open();
            var name = parse.GetValue(model)!;
            if (!store.Registry.ListRegisteredModels().Any(registered => registered.Name == name))
            {
                Console.WriteLine($"No model '{name}' registered yet: run the Train target first.");
                return 0;
            }

            TableView.Write($"Versions of {name}", TrackingTables.ModelVersions(store.Registry, name));
            TableView.Write($"Alias history of {name}", TrackingTables.AliasHistory(store.Registry, name));
            return 0;
        });
        return command;
    }
}
