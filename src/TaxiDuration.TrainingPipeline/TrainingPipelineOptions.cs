using TaxiDuration.Training.Trainers;
using TaxiDuration.Trips;

namespace TaxiDuration.TrainingPipeline;

/// <summary>What one pipeline run trains on and how hard it searches; <see cref="Validate"/> runs before any work.</summary>
public sealed class TrainingPipelineOptions
{
    public const string DefaultExperiment = "taxi-duration-training";
    public const string DefaultModelName = "taxi-duration";

    /// <summary>Month the candidates are fitted on.</summary>
    public TaxiMonth Train { get; set; } = TaxiMonth.Parse("green 2021-01");

    /// <summary>Month that picks the winner (every trial is scored on it).</summary>
    public TaxiMonth Validation { get; set; } = TaxiMonth.Parse("green 2021-02");

    /// <summary>Month never used for choosing: the winner's honest score. Null skips the test evaluation.</summary>
    public TaxiMonth? Test { get; set; } = TaxiMonth.Parse("green 2021-03");

    /// <summary>Trainers fitted with their defaults before the search; the best one's family is searched.</summary>
    public IReadOnlyList<string> Candidates { get; set; } = TrainerNames.All;

    /// <summary>Hyper-parameter trials after the candidates (0 skips the search).</summary>
    public int Trials { get; set; } = 8;

    /// <summary>
    /// Trials fitted at once (default: one per core). Each fit is single-threaded LightGBM or ML.NET's own trainers on a
    /// context of their own, and the winner does not depend on this number, only the run's duration does.
    /// </summary>
    public int ParallelFits { get; set; } = Environment.ProcessorCount;

    /// <summary>Seeds the search; the same seed, data and code give the same trials and the same model.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>An alias to point at the registered version (level 3: <c>challenger</c>, which the gate then judges); null for none.</summary>
    public string? Alias { get; set; }

    public string ExperimentName { get; set; } = DefaultExperiment;

    public string ModelName { get; set; } = DefaultModelName;

    /// <summary>Folder for this run's model file, summary and plots (a subfolder per run is created).</summary>
    public string OutputDirectory { get; set; } = Path.Combine("artifacts", "level2", "runs");

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    /// <summary>Every invalid setting, each as a sentence naming the option, the value and what is allowed.</summary>
    public IEnumerable<string> Problems()
    {
        if (Candidates.Count == 0)
        {
            yield return $"--candidates is empty: name at least one of {string.Join(", ", TrainerNames.All)}.";
        }

        var unknown = Candidates.Except(TrainerNames.All, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            yield return $"--candidates '{string.Join(",", unknown)}' is not a trainer: choose from {string.Join(", ", TrainerNames.All)}.";
        }

        if (Trials < 0)
        {
            yield return $"--trials {Trials} is negative: use 0 (no search) or more.";
        }

        if (ParallelFits < 1)
        {
            yield return $"--parallel-fits {ParallelFits} is below 1: use 1 (one fit at a time) or more.";
        }

        if (Train == Validation)
        {
            yield return $"--train and --validation are both {Train}: the validation month must be another month.";
        }

        if (Test is { } test && (test == Train || test == Validation))
        {
            yield return $"--test {test} is also the {(test == Train ? "training" : "validation")} month: the test month must be a third month (or 'none').";
        }

        if (Alias is { } alias && !Tracking.ModelUri.TryParse($"m@{alias}", out _))
        {
            yield return $"--alias '{alias}' is not a valid alias: use lower-case letters, digits, '_' and '-', starting with a letter.";
        }

        foreach (var (name, value) in new[] { ("ExperimentName", ExperimentName), ("ModelName", ModelName), ("OutputDirectory", OutputDirectory) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{name} is empty.";
            }
        }
    }
}
