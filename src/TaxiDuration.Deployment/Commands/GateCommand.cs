using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.CommandLine;
using TaxiDuration.Data.Catalog;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Tracking;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Deployment.Commands;

/// <summary><c>gate</c>: judge a candidate against the champion on an unseen labelled month and, when it passes, promote it.</summary>
public static class GateCommand
{
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var candidate = new Option<string>("--candidate")
        {
            Description = "the model to judge: an alias or a version (default taxi-duration@challenger)",
            DefaultValueFactory = _ => $"taxi-duration@{RegistryAliases.Challenger}",
        };
        candidate.Validators.Add(result =>
        {
            if (!ModelUri.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--candidate '{result.GetValueOrDefault<string>()}' is not a model URI: use taxi-duration/7 or taxi-duration@challenger.");
            }
        });
        var month = CommonOptions.Month("--month", "labelled month neither model has seen", "2021-03");
        var dryRun = new Option<bool>("--dry-run") { Description = "judge and record the decision, but do not promote" };
        var reportDirectory = new Option<string>("--report-dir")
        {
            Description = "folder for the gate report (default artifacts/level3/gates)",
            DefaultValueFactory = _ => Path.Combine("artifacts", "level3", "gates"),
        };
        var allowSynthetic = CommonOptions.AllowSynthetic();
        var offline = CommonOptions.Offline();
        var result = CommonOptions.Result();
        var command = new Command("gate", "Score the candidate and the champion on the same unseen month, decide, record, and promote on a pass.")
        {
            candidate, month, dryRun, reportDirectory, allowSynthetic, offline, result,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var builder = CommandLineHost.CreateBuilder([.. CommonOptions.DataSettings(parsed, allowSynthetic, offline), new("Tracking:Access", "Existing")]);
            addStore(builder);
            builder.Services.AddDeploymentGate(builder.Configuration);
            using var host = builder.Build();
            var request = new GateRequest(ModelUri.Parse(parsed.GetValue(candidate)!), parsed.GetValue(month), Promote: !parsed.GetValue(dryRun));
            try
            {
                var outcome = await host.Services.GetRequiredService<DeploymentGate>().RunAsync(request, Path.GetFullPath(parsed.GetValue(reportDirectory)!), cancellationToken);
                Print(outcome);
                if (parsed.GetValue(result) is { } resultPath)
                {
                    GateResults.ToRunResult(outcome).Save(resultPath);
                }

                return ExitCodes.Success;
            }
            catch (Exception refused) when (refused is GateRefusedException or KeyNotFoundException or AliasConflictException)
            {
                throw new CommandFailedException(ExitCodes.Failed, refused.Message, refused);
            }
            catch (MonthNotAvailableException missing)
            {
                throw new CommandFailedException(ExitCodes.DataUnavailable, missing.Message, missing);
            }
            catch (DataValidationFailedException failed)
            {
                Console.WriteLine(failed.Report.ToMarkdown());
                throw new CommandFailedException(ExitCodes.Failed, failed.Message, failed);
            }
        });
        return command;
    }

    private static void Print(GateOutcome outcome)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(culture,
            $"Gate #{outcome.Recorded.Sequence} on {outcome.Recorded.Month} ({outcome.Month.File.Origin} data, {outcome.Month.Features.KeptRows:N0} trips): {outcome.Candidate.Uri} vs {outcome.Champion?.Uri ?? "no champion"} → {outcome.Decision.Verdict}{(outcome.Promoted ? ", promoted to champion" : "")}."));
        Console.WriteLine(outcome.Decision.Reason);
        Console.WriteLine($"Report: {outcome.ReportPath}");
        if (outcome.Month.File.Warning is { } warning)
        {
            Console.WriteLine($"WARNING: {warning}");
        }
    }
}
