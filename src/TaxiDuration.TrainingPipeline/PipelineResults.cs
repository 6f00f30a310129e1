using System.Globalization;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.TrainingPipeline;

/// <summary>A finished pipeline run as the <c>result.json</c> the Cake build and the ladder read.</summary>
public static class PipelineResults
{
    public static RunResult ToRunResult(PipelineResult result, TrainingPipelineOptions options, int level = 2)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [ResultKeys.ValidationRmse] = result.Validation.Rmse,
            [ResultKeys.ElapsedSeconds] = result.Elapsed.TotalSeconds,
        };
        if (result.Test is { } test)
        {
            metrics[ResultKeys.TestRmse] = test.Rmse;
        }

        // The linear candidate with its defaults, not a searched one: the same model levels 0 and 1 fit.
        if (result.Trials.FirstOrDefault(trial => trial.Stage == "candidates" && trial.Candidate.Trainer.Name == TrainerNames.Linear) is { } linear)
        {
            metrics[ResultKeys.LinearValidationRmse] = linear.ValidationRmse;
        }

        return new RunResult
        {
            Level = level,
            Host = $"levels/level{level}/Training train",
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"tracked pipeline ({string.Join(", ", options.Candidates)} + {options.Trials} search trials), best {result.Best.Candidate}, registered {result.RegisteredVersion.Uri}"),
            Data = [.. result.Months.All.Select(month => new DataUse(
                month.Role, month.File.Month.ToString(), month.File.Origin.ToString(), month.File.Path, month.Features.RawRows, month.Features.KeptRows))],
            Metrics = metrics,
            Outputs = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ResultKeys.RunId] = result.RunId,
                [ResultKeys.RegisteredVersion] = result.RegisteredVersion.Uri,
                [ResultKeys.ModelFile] = result.ModelPath,
                [ResultKeys.SummaryFile] = result.SummaryPath,
                [ResultKeys.Trainer] = result.Best.Candidate.Trainer.ToString(),
                [ResultKeys.FeatureSet] = result.Best.Candidate.FeatureSet.ToString(),
            },
            Goals = Level2Goals.Check(result),
        };
    }
}
