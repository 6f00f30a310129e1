using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using TaxiDuration.Training.Featurization;
using TaxiDuration.Training.LeastSquares;

namespace TaxiDuration.Training.Trainers;

/// <summary>
/// Builds estimators from a <see cref="TrainerSpec"/>: the trainer alone (<see cref="CreateTrainer"/>) or the
/// whole pipeline, features then trainer (<see cref="CreatePipeline"/>). Every learner gets a fixed seed.
/// </summary>
public static class TrainerFactory
{
    /// <summary>The seed every stochastic learner is given, so a spec and its data always give the same model.</summary>
    public const int Seed = 42;

    /// <summary>
    /// Tree defaults, chosen for RMSE per second with LightGBM, green 2021-01 → 2021-02 (validation) → 2021-03 (test),
    /// one busy 2-core machine. On the PairPrior set: 150 × 64 leaves at 0.1 gives 5.387 / 5.285 in about 7 s; 200 × 32
    /// at 0.1 5.392 / 5.300; 300 × 128 at 0.1 5.408 / 5.333; 400 × 16 at 0.15 5.418 / 5.326. (On the Rich set,
    /// without the prior, 300 × 128 at 0.1 gave 5.51 / 5.46.) Fewer trees also score faster. Those figures are with
    /// every feature open to every tree; LightGBM's default now samples 70 % per tree, which gives 150 × 64 at 0.1
    /// 5.369 / 5.262.
    /// </summary>
    public static IReadOnlyDictionary<string, double> TreeDefaults { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [TrainerParameters.Trees] = 150,
        [TrainerParameters.Leaves] = 64,
        [TrainerParameters.LearningRate] = 0.1,
        [TrainerParameters.MinExamplesPerLeaf] = 10,
        [TrainerParameters.MaxBins] = 255,
    }.AsReadOnly();

    /// <summary>Features of <paramref name="featureSet"/> followed by the trainer of <paramref name="spec"/>.</summary>
    public static IEstimator<ITransformer> CreatePipeline(MLContext ml, FeatureSet featureSet, TrainerSpec spec)
    {
        var pipeline = FeaturePipeline.Build(ml, featureSet).Append(CreateTrainer(ml, spec));
        // The prior must reach the trainer out of fold, so it wraps features and trainer together.
        return featureSet == FeatureSet.PairPrior ? new PairPriorEstimator(ml, pipeline, Seed) : pipeline;
    }

    /// <summary>The trainer alone; it reads <see cref="FeaturePipeline.FeaturesColumn"/> and <see cref="FeaturePipeline.LabelColumn"/>.</summary>
    public static IEstimator<ITransformer> CreateTrainer(MLContext ml, TrainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        return spec.Name switch
        {
            TrainerNames.Linear => new LeastSquaresRegressionTrainer(ml, new LeastSquaresOptions
            {
                L2Regularization = spec.Get(TrainerParameters.L2, LeastSquaresOptions.DefaultL2),
            }),
            TrainerNames.FastTree => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = FeaturePipeline.LabelColumn,
                FeatureColumnName = FeaturePipeline.FeaturesColumn,
                NumberOfTrees = TreeInt(spec, TrainerParameters.Trees),
                NumberOfLeaves = TreeInt(spec, TrainerParameters.Leaves),
                LearningRate = Tree(spec, TrainerParameters.LearningRate),
                MinimumExampleCountPerLeaf = TreeInt(spec, TrainerParameters.MinExamplesPerLeaf),
                MaximumBinCountPerFeature = TreeInt(spec, TrainerParameters.MaxBins),
                NumberOfThreads = Threads(spec),
                Seed = Seed,
                FeatureSelectionSeed = Seed,
            }),
            TrainerNames.LightGbm => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = FeaturePipeline.LabelColumn,
                FeatureColumnName = FeaturePipeline.FeaturesColumn,
                NumberOfIterations = TreeInt(spec, TrainerParameters.Trees),
                NumberOfLeaves = TreeInt(spec, TrainerParameters.Leaves),
                LearningRate = Tree(spec, TrainerParameters.LearningRate),
                MinimumExampleCountPerLeaf = TreeInt(spec, TrainerParameters.MinExamplesPerLeaf),
                MaximumBinCountPerFeature = TreeInt(spec, TrainerParameters.MaxBins),
                // One thread unless asked: LightGBM's OpenMP workers spin while waiting, and on a busy 2-core
                // machine a 200-tree fit took 141 s with every core against 5.4 s with one. Results also vary
                // with the thread count (even with Deterministic), so one thread keeps a spec reproducible.
                NumberOfThreads = Threads(spec) ?? 1,
                Seed = Seed,
                Deterministic = true,
                Silent = true,
                // Zones as categories (one split sends a set of zones each way) whatever the data size: left to
                // itself ML.NET only does so on large data, and on a small month grows 20-deep chains of one-hot
                // "is it zone k?" splits instead, several times slower to score.
                UseCategoricalSplit = true,
                // Each tree sees 70 % of the features, drawn with the seed: with the pair prior and the distance
                // saying much of the same thing, trees that cannot always reach for the strongest feature average
                // into a better model (green 2021-01 → 02, 150 × 64 at 0.1: validation 5.369 against 5.387). Scoring
                // cost is unchanged: the trees are as many and as large.
                Booster = new GradientBooster.Options { FeatureFraction = spec.Get(TrainerParameters.FeatureFraction, LightGbmFeatureFraction) },
            }),
            _ => throw new ArgumentException($"Unknown trainer '{spec.Name}'.", nameof(spec)),
        };
    }

    private const double LightGbmFeatureFraction = 0.7;

    private static double Tree(TrainerSpec spec, string parameter) => spec.Get(parameter, TreeDefaults[parameter]);

    private static int? Threads(TrainerSpec spec) =>
        spec.Parameters.TryGetValue(TrainerParameters.Threads, out var threads) ? (int)threads : null;

    private static int TreeInt(TrainerSpec spec, string parameter) => (int)Tree(spec, parameter);
}
