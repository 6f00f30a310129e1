using System.CommandLine;
using TaxiDuration.CommandLine;
using TaxiDuration.Tracking;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary>
/// <c>promote</c>: a person moves an alias (champion by default) to a version, with a reason for the audit
/// history. At level 2 this is deliberately manual; the service picks the champion up on its next restart.
/// </summary>
public static class PromoteCommand
{
    public static Command Create(HostComposition addStore, string servedWhen)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var version = new Option<int>("--version") { Description = "version number to promote", Required = true };
        var reason = new Option<string>("--reason") { Description = "why (kept in the alias history)", Required = true };
        var alias = new Option<string>("--alias") { Description = "alias to move", DefaultValueFactory = _ => "champion" };
        var model = new Option<string>("--model") { Description = "registered model name", DefaultValueFactory = _ => TrainingPipelineOptions.DefaultModelName };
        var expect = new Option<string?>("--expect-current")
        {
            Description = "compare-and-set: move only if the alias points at this version now ('none': only if it is unset)",
        };
        version.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--version {result.GetValueOrDefault<int>()} is not a version: versions start at 1.");
            }
        });
        reason.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--reason must say why: it is the audit trail of this promotion.");
            }
        });
        expect.Validators.Add(result =>
        {
            if (!TryPrecondition(result.GetValueOrDefault<string?>(), out _))
            {
                result.AddError($"--expect-current '{result.GetValueOrDefault<string?>()}' must be a version number (1, 2, …) or 'none'.");
            }
        });
        var command = new Command("promote", "Point an alias (champion) at a model version, recording who and why.") { version, reason, alias, model, expect };
        command.SetAction(parse =>
        {
            using var store = StoreHost.Open(addStore);
            TryPrecondition(parse.GetValue(expect), out var precondition);
            try
            {
                var (modelName, aliasName) = (parse.GetValue(model)!, parse.GetValue(alias)!);
                // A new champion keeps the one it replaces as previous-champion, so one rollback undoes a person's
                // promotion exactly as it undoes a gate's.
                var promoted = aliasName == RegistryAliases.Champion
                    ? store.Registry.PromoteChampion(modelName, parse.GetValue(version), parse.GetValue(reason)!, Environment.UserName, precondition)
                    : store.Registry.SetAlias(modelName, aliasName, parse.GetValue(version), parse.GetValue(reason)!, Environment.UserName, precondition);
                Console.WriteLine($"{promoted.ModelName}@{parse.GetValue(alias)} → version {promoted.Version} (run {promoted.RunId}). {servedWhen}");
                return ExitCodes.Success;
            }
            catch (KeyNotFoundException missing)
            {
                throw new CommandFailedException(ExitCodes.Failed, missing.Message, missing);
            }
            catch (AliasConflictException conflict)
            {
                throw new CommandFailedException(ExitCodes.Failed, conflict.Message, conflict);
            }
        });
        return command;
    }

    private static bool TryPrecondition(string? text, out AliasPrecondition precondition)
    {
        precondition = AliasPrecondition.None;
        if (text is null)
        {
            return true;
        }

        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            precondition = AliasPrecondition.Unset;
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1)
        {
            precondition = AliasPrecondition.PointsAt(version);
            return true;
        }

        return false;
    }
}
