using System.Globalization;
using System.Text;
using TaxiDuration.Training.Preparation;
using TaxiDuration.Reporting;
using TaxiDuration.Reporting.Plots;
using TaxiDuration.Training.Evaluation;

namespace TaxiDuration.TrainingPipeline;

/// <summary>What a finished run reports: its data, every fit, the winner and where it was registered.</summary>
public sealed record RunSummary(
    string RunId,
    IReadOnlyList<PreparedMonth> Months,
    IReadOnlyList<TrialOutcome> Trials,
    TrialOutcome Best,
    RegressionQuality Validation,
    RegressionQuality? Test,
    string RegisteredAs,
    TimeSpan Elapsed);

/// <summary>What the summary shows about the winner on the validation month.</summary>
/// <param name="Distances">Trip distance of each validation row (for residuals by distance).</param>
public sealed record ValidationScores(IReadOnlyList<float> Actual, IReadOnlyList<float> Predicted, IReadOnlyList<float> Distances);

/// <summary>
/// Writes a run's Markdown summary with its plots (predicted vs actual, residuals by distance, the search
/// trajectory) into one folder, so a person reads a run the way they would read a notebook's last cells.
/// </summary>
public static class RunSummaryWriter
{
    public const string SummaryFile = "summary.md";
    public const string PredictedVersusActualFile = "predicted-vs-actual.png";
    public const string ResidualsByDistanceFile = "residuals-by-distance.png";
    public const string SearchTrajectoryFile = "search-trajectory.png";

    // The MLOps Zoomcamp's published figures: its tuned XGBoost on 2021-02 and its test RMSE on 2021-03.
    private const double CourseTunedXgboostValidationRmse = 6.30;
    private const double CourseTestRmse = 6.66;

    private static readonly double[] DistanceBins = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30];

    /// <returns>The paths of every file written (summary first).</returns>
    public static IReadOnlyList<string> Write(string folder, RunSummary run, ValidationScores scores)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(scores);
        Directory.CreateDirectory(folder);
        var residuals = scores.Actual.Select((actual, i) => actual - scores.Predicted[i]).ToArray();
        var plots = new[]
        {
            Path.Combine(folder, PredictedVersusActualFile),
            Path.Combine(folder, ResidualsByDistanceFile),
            Path.Combine(folder, SearchTrajectoryFile),
        };
        Charts.PredictedVersusActual(plots[0], scores.Actual, scores.Predicted, $"{run.Best.Candidate.Trainer.Name}: validation, predicted vs actual");
        Charts.BinnedResiduals(plots[1], scores.Distances, residuals, DistanceBins, "Validation residuals by trip distance", "trip distance (miles)");
        DrawTrajectory(plots[2], run.Trials);

        var summary = Path.Combine(folder, SummaryFile);
        File.WriteAllText(summary, Markdown(run));
        return [summary, .. plots];
    }

    private static void DrawTrajectory(string path, IReadOnlyList<TrialOutcome> trials)
    {
        var x = Enumerable.Range(1, trials.Count).Select(i => (double)i).ToArray();
        var rmse = trials.Select(trial => trial.ValidationRmse).ToArray();
        var bestSoFar = new double[rmse.Length];
        for (var i = 0; i < rmse.Length; i++)
        {
            bestSoFar[i] = i == 0 ? rmse[0] : Math.Min(bestSoFar[i - 1], rmse[i]);
        }

        Charts.Lines(path, "Search trajectory: validation RMSE per fit", "fit (candidates, then search trials)", "validation RMSE (minutes)",
            ("this fit", x, rmse), ("best so far", x, bestSoFar));
    }

    private static string Markdown(RunSummary run)
    {
        var (runId, months, trials, best, validation, test, registeredAs, elapsed) = run;
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"# Training run {runId}");
        text.AppendLine();
        text.AppendLine(culture, $"Winner: **{best.Candidate}**, registered as **{registeredAs}**; the whole run took {elapsed.TotalSeconds:0.0} s.");
        text.AppendLine();
        var scores = new MarkdownTable("month", "RMSE", "MAE", "R²", "rows", "course anchor")
            .AddRow("validation", validation.Rmse, validation.Mae, validation.RSquared, validation.Rows, $"tuned XGBoost {CourseTunedXgboostValidationRmse}");
        if (test is not null)
        {
            scores.AddRow("test", test.Rmse, test.Mae, test.RSquared, test.Rows, $"course test {CourseTestRmse}");
        }

        text.AppendLine(scores.ToString());
        text.AppendLine("## Data");
        text.AppendLine();
        var data = new MarkdownTable("role", "month", "origin", "raw rows", "kept (1–60 min)", "validation", "sha256");
        foreach (var month in months)
        {
            data.AddRow(month.Role, month.File.Month, month.File.Origin, month.Features.RawRows, month.Features.KeptRows,
                month.Validation.Passed ? "pass" : "FAIL", month.ContentHash[..12]);
        }

        text.AppendLine(data.ToString());
        foreach (var warning in months.Select(month => month.File.Warning).OfType<string>())
        {
            text.AppendLine(culture, $"> **Warning:** {warning}");
            text.AppendLine();
        }

        text.AppendLine("## Candidates and search trials");
        text.AppendLine();
        var table = new MarkdownTable("#", "stage", "trainer", "features", "validation RMSE", "MAE", "fit s", "run");
        foreach (var trial in trials)
        {
            table.AddRow(trial.Index, trial.Stage, trial.Candidate.Trainer, trial.Candidate.FeatureSet,
                trial.ValidationRmse, trial.ValidationMae, Math.Round(trial.FitSeconds, 2), trial.RunId);
        }

        text.AppendLine(table.ToString());
        text.AppendLine("## Plots");
        text.AppendLine();
        text.AppendLine(culture, $"![Predicted vs actual]({PredictedVersusActualFile})");
        text.AppendLine();
        text.AppendLine(culture, $"![Residuals by distance]({ResidualsByDistanceFile})");
        text.AppendLine();
        text.AppendLine(culture, $"![Search trajectory]({SearchTrajectoryFile})");
        return text.ToString();
    }
}
