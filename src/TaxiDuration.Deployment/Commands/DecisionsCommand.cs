using System.CommandLine;
using System.Globalization;
using TaxiDuration.CommandLine;
using TaxiDuration.Reporting;
using TaxiDuration.TrainingPipeline;
using TaxiDuration.TrainingPipeline.Commands;

namespace TaxiDuration.Deployment.Commands;

/// <summary><c>decisions</c>: every gate decision, oldest first: who judged which versions on which month, and why.</summary>
public static class DecisionsCommand
{
    public static Command Create(HostComposition addStore)
    {
        ArgumentNullException.ThrowIfNull(addStore);
        var model = new Option<string>("--model") { Description = "registered model name", DefaultValueFactory = _ => TrainingPipelineOptions.DefaultModelName };
        var command = new Command("decisions", "List the deployment gate's decisions.") { model };
        command.SetAction(parsed =>
        {
            using var store = StoreHost.Open(addStore);
            var name = parsed.GetValue(model)!;
            var rows = store.Registry.ListRegisteredModels().Any(registered => registered.Name == name) ? store.Registry.GetDecisions(name) : [];
            TableView.Write($"Gate decisions of {name}", new Table(
                ["#", "decided (UTC)", "candidate", "champion", "month", "verdict", "by", "reason"],
                [.. rows.Select(decision => (IReadOnlyList<string>)
                [
                    decision.Sequence.ToString(CultureInfo.InvariantCulture),
                    decision.DecidedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    $"{name}/{decision.CandidateVersion}",
                    decision.ChampionVersion is { } champion ? $"{name}/{champion}" : "—",
                    decision.Month,
                    decision.Verdict,
                    decision.Actor,
                    decision.Reason,
                ])]));
            return ExitCodes.Success;
        });
        return command;
    }
}
