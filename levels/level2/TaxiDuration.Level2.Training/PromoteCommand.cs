using System.CommandLine;
using TaxiDuration.TrainingPipeline;

namespace TaxiDuration.Level2.Training;

/// <summary>
/// <c>promote</c>: a person moves an alias (champion by default) to a version, with a reason for the audit
/// history. At level 2 this is deliberately manual; the service picks the champion up on its next restart.
/// </summary>
internal static class PromoteCommand
{
    public static Command Create()
    {
        var version = new Option<int>("--version") { Description = "version number to promote", Required = true };
        var reason = new Option<string>("--reason") { Description = "why (kept in the alias history)", Required = true };
        var alias = new Option<string>("--alias") { Description = "alias to move", DefaultValueFactory = _ => "champion" };
        var model = new Option<string>("--model") { Description = "registered model name", DefaultValueFactory = _ => TrainingPipelineOptions.DefaultModelName };
        var command = new Command("promote", "Point an alias (champion) at a model version, recording who and why.") { version, reason, alias, model };
        command.SetAction(parse =>
        {
            var store = StoreLocation.Open();
            var why = parse.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why))
            {
                Console.Error.WriteLine("--reason must say why: it is the audit trail of this promotion.");
                return 2;
            }

            try
            {
                var promoted = store.Registry.SetAlias(parse.GetValue(model)!, parse.GetValue(alias)!, parse.GetValue(version), why, Environment.UserName);
                Console.WriteLine($"{promoted.ModelName}@{parse.GetValue(alias)} → version {promoted.Version} (run {promoted.RunId}). Restart the level-2 service to serve it.");
                return 0;
            }
            catch (KeyNotFoundException missing)
            {
                Console.Error.WriteLine(missing.Message);
                return 2;
            }
        });
        return command;
    }
}
