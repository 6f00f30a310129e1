using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.Trainers;

namespace TaxiDuration.TrainingPipeline.Search;

/// <summary>One model to try: the features it sees and the trainer with its hyper-parameters.</summary>
public sealed record Candidate(FeatureSet FeatureSet, TrainerSpec Trainer)
{
    public override string ToString() => $"{Trainer} on {FeatureSet}";
}

/// <summary>
/// Which features each trainer gets and where its hyper-parameters are searched. The linear model keeps the
/// course's PU_DO one-hot (it needs a weight per pair); the tree learners get zones, hour and weekday, which
/// they can combine themselves (LightGBM also overflows on the 13k-column PU_DO one-hot), and the pair's duration
/// prior from the training month, which tells them in one number what the PU_DO one-hot tells the linear model.
/// </summary>
public static class CandidatePlan
{
    public static FeatureSet FeaturesFor(string trainer) =>
        trainer == TrainerNames.Linear ? FeatureSet.Course : FeatureSet.PairPrior;

    /// <summary>The trainer with its defaults: what the candidate stage compares before any search.</summary>
    public static Candidate Default(string trainer) => new(FeaturesFor(trainer), new TrainerSpec(trainer));

    /// <summary>The search space of a trainer family; ranges centred on the defaults measured on real months.</summary>
    public static IReadOnlyList<ParameterRange> SearchSpace(string trainer) => trainer switch
    {
        TrainerNames.Linear => [new LogUniformRange(TrainerParameters.L2, 0.02, 2)],
        TrainerNames.FastTree or TrainerNames.LightGbm =>
        [
            new IntegerRange(TrainerParameters.Trees, 100, 400),
            new IntegerRange(TrainerParameters.Leaves, 24, 192),
            new LogUniformRange(TrainerParameters.LearningRate, 0.05, 0.3),
            new IntegerRange(TrainerParameters.MinExamplesPerLeaf, 5, 80),
        ],
        _ => throw new ArgumentException($"No search space for trainer '{trainer}'.", nameof(trainer)),
    };

    /// <summary>The seeded trials of a family, as candidates ready to train.</summary>
    public static IReadOnlyList<Candidate> Trials(string trainer, int count, int seed) =>
        new RandomSearch(SearchSpace(trainer), seed)
            .Trials(count)
            .Select(parameters => new Candidate(FeaturesFor(trainer), new TrainerSpec(trainer, parameters)))
            .ToArray();
}
