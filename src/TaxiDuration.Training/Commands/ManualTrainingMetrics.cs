using System.Globalization;
using System.Text.Json;
using TaxiDuration.Reporting.Results;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Training.Commands;

/// <summary>What a manual training run reports: the metrics file shipped beside the model, and its <c>result.json</c>.</summary>
internal static class ManualTrainingMetrics
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson(TrainingResult trained, PreparedMonths months) => JsonSerializer.Serialize(new
    {
        trained.Metadata.Version,
        trained.Metadata.Trainer,
        trained.Metadata.FeatureSet,
        TrainMonth = months.Train.File.Month.ToString(),
        ValidationMonth = months.Validation.File.Month.ToString(),
        DataOrigin = months.Train.File.Origin.ToString(),
        Rows = new { Train = months.Train.Features.KeptRows, Validation = months.Validation.Features.KeptRows },
        Validation = trained.Validation,
        trained.FitSeconds,
    }, Json);

    public static RunResult ToResult(TrainingResult trained, PreparedMonths months, string modelFile, TimeSpan elapsed) => new()
    {
        Level = 1,
        Host = "levels/level1/Training",
        Summary = string.Create(CultureInfo.InvariantCulture, $"{trained.Metadata.Trainer} on {trained.Metadata.FeatureSet} features, fit {trained.FitSeconds:0.00} s"),
        Data = [.. months.All.Select(month => new DataUse(
            month.Role, month.File.Month.ToString(), month.File.Origin.ToString(), month.File.Path, month.Features.RawRows, month.Features.KeptRows))],
        Metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [ResultKeys.ValidationRmse] = trained.Validation.Rmse,
            [ResultKeys.FitSeconds] = trained.FitSeconds,
            [ResultKeys.ElapsedSeconds] = elapsed.TotalSeconds,
        },
        Outputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResultKeys.ModelFile] = modelFile,
            [ResultKeys.ModelVersion] = trained.Metadata.Version,
            [ResultKeys.Trainer] = trained.Metadata.Trainer,
            [ResultKeys.FeatureSet] = trained.Metadata.FeatureSet,
        },
    };
}
