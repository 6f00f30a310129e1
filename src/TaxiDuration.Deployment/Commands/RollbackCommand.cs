using System.CommandLine;
using TaxiDuration.CommandLine;
using TaxiDuration.Tracking;
using TaxiDuration.TrainingPipeline;
using TaxiDuration.TrainingPipeline.Commands;

namespace TaxiDuration.Deployment.Commands;

/// <summary><c>rollback</c>: champion goes back to the previous champion in one command, recorded with its reason.</summary>
public static class RollbackCommand
{
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var reason = new Option<string>("--reason") { Description = "why (kept in the alias history)", Required = true };
        reason.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--reason must say why: it is the audit trail of this rollback.");
            }
        });
        var model = new Option<string>("--model") { Description = "registered model name", DefaultValueFactory = _ => TrainingPipelineOptions.DefaultModelName };
        var command = new Command("rollback", "Make the previous champion the champion again.") { reason, model };
        command.SetAction(parsed =>
        {
            using var store = StoreHost.Open(addStore);
            try
            {
                var restored = ChampionRollback.Run(store.Registry, parsed.GetValue(model)!, parsed.GetValue(reason)!, Environment.UserName);
                Console.WriteLine($"{restored.ModelName}@{RegistryAliases.Champion} → version {restored.Version} (rolled back). Running services pick it up on their next registry poll.");
                return ExitCodes.Success;
            }
            catch (Exception failed) when (failed is KeyNotFoundException or AliasConflictException)
            {
                throw new CommandFailedException(ExitCodes.Failed, failed.Message, failed);
            }
        });
        return command;
    }
}
