using System.Globalization;
using Spectre.Console;
using TaxiDuration.Reporting.Results;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary>Shows a pipeline run to a person: a progress bar per stage when the terminal is interactive, lines otherwise.</summary>
internal static class PipelineConsole
{
    public static async Task<PipelineResult> RunWithProgressAsync(Func<IProgress<PipelineProgress>, Task<PipelineResult>> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // CI logs: one line per step, so a stuck stage is visible in the log as it happens.
            return await run(new SynchronousProgress(step => Console.WriteLine($"[{step.Stage} {step.Completed}/{step.Total}] {step.Detail}")));
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                return await run(new SynchronousProgress(step =>
                {
                    if (!bars.TryGetValue(step.Stage, out var bar))
                    {
                        bar = bars[step.Stage] = context.AddTask(step.Stage, maxValue: Math.Max(1, step.Total));
                    }

                    bar.Value = step.Completed;
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{step.Stage}:[/] {step.Detail}");
                }));
            });
    }

    public static void PrintResult(PipelineResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        foreach (var warning in result.Months.All.Select(month => month.File.Warning).OfType<string>())
        {
            AnsiConsole.MarkupLineInterpolated(culture, $"[yellow]WARNING: {warning}[/]");
        }

        var table = new Table().AddColumns("", "value");
        table.AddRow("run", result.RunId);
        table.AddRow("best", Markup.Escape(result.Best.Candidate.ToString()));
        table.AddRow("validation RMSE", result.Validation.Rmse.ToString("0.000", culture));
        table.AddRow("test RMSE", result.Test?.Rmse.ToString("0.000", culture) ?? "—");
        table.AddRow("registered", result.RegisteredVersion.Uri);
        table.AddRow("elapsed", $"{result.Elapsed.TotalSeconds.ToString("0.0", culture)} s");
        table.AddRow("summary", Markup.Escape(result.SummaryPath));
        AnsiConsole.Write(table);
        foreach (var goal in Level2Goals.Check(result).Where(goal => goal.Applies))
        {
            AnsiConsole.MarkupLine(GoalMarkup(goal, culture));
        }
    }

    // The verdict is our own markup, so it cannot go through an interpolated markup hole (those are escaped, which
    // printed "[green]met[/]" as text); the goal's own words are escaped here instead.
    internal static string GoalMarkup(GoalCheck goal, IFormatProvider culture)
    {
        var verdict = goal.Met ? "[green]met[/]" : "[red]MISSED[/]";
        return $"goal {Markup.Escape(goal.Name)} {Markup.Escape(goal.Target)}: {verdict} ({goal.Measured.ToString("0.000", culture)})";
    }

    // Progress<T> posts to the thread pool; a run's steps must print in order and before the result.
    private sealed class SynchronousProgress(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }
}
