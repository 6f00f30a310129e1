using System.Diagnostics;
using Microsoft.ML;
using TaxiDuration.Features;
using TaxiDuration.Model;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Training.Trainers;
using TaxiDuration.TrainingPipeline.Search;

namespace TaxiDuration.Automation.Replay;

/// <summary>Fits the replay's models (one seeded context per fit, as the pipeline does) and counts the compute spent.</summary>
public sealed class ModelFitter(string trainer, IReadOnlyDictionary<string, double> parameters)
{
    private readonly Candidate candidate = CandidatePlan.Default(trainer) with { Trainer = new TrainerSpec(trainer, parameters) };

    public static ModelFitter Linear() => new(TrainerNames.Linear, new Dictionary<string, double>());

    public MLContext Context { get; } = new(seed: 0);

    /// <summary>The feature set the models use, as recorded in the registry.</summary>
    public string FeatureSet => candidate.FeatureSet.ToString();

    /// <summary>The trainer and its parameters, as recorded in a model's metadata.</summary>
    public string Trainer => candidate.Trainer.ToString();

    /// <summary>Fits on <paramref name="examples"/>; the seconds spent go to <paramref name="compute"/>.</summary>
    public ITransformer Fit(IReadOnlyList<TripExample> examples, ComputeMeter compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var ml = new MLContext(seed: 0);
        var clock = Stopwatch.StartNew();
        var model = TrainerFactory.CreatePipeline(ml, candidate.FeatureSet, candidate.Trainer).Fit(ml.Data.LoadFromEnumerable(examples));
        compute.Add(clock.Elapsed);
        return model;
    }

    public float[] Predict(ITransformer model, IReadOnlyList<TripExample> examples) => BatchScorer.Predict(Context, model, examples);

    /// <summary>A fitted model with its reference profile taken on <paramref name="profileTrips"/> (trips it did not train on).</summary>
    public ReplayModel Describe(string name, ITransformer model, string profileMonth, IReadOnlyList<TripExample> profileTrips, IReadOnlyList<string> trainedOn) =>
        new(name, model, ReferenceProfile.Create(profileMonth, profileTrips, Predict(model, profileTrips)), trainedOn);
}

/// <summary>Fit time spent by one policy.</summary>
public sealed class ComputeMeter
{
    public TimeSpan Total { get; private set; }

    public int Fits { get; private set; }

    public void Add(TimeSpan elapsed)
    {
        Total += elapsed;
        Fits++;
    }
}
