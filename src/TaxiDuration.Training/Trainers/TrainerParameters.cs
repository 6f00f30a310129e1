namespace TaxiDuration.Training.Trainers;

/// <summary>
/// Names of the tunable knobs in <see cref="TrainerSpec.Parameters"/>. A search samples numbers for these keys;
/// <see cref="TrainerSpec.Validate"/> says which keys each trainer accepts and in what range.
/// </summary>
public static class TrainerParameters
{
    /// <summary>Linear: ridge penalty on the feature weights, in units of training rows (≥ 0).</summary>
    public const string L2 = "l2";

    /// <summary>Trees: boosting rounds (integer ≥ 1).</summary>
    public const string Trees = "trees";

    /// <summary>Trees: leaves per tree (integer ≥ 2).</summary>
    public const string Leaves = "leaves";

    /// <summary>Trees: shrinkage of each tree's contribution (0, 1].</summary>
    public const string LearningRate = "learningRate";

    /// <summary>Trees: minimum training rows in a leaf (integer ≥ 1).</summary>
    public const string MinExamplesPerLeaf = "minExamplesPerLeaf";

    /// <summary>Trees: histogram bins per feature (integer ≥ 2); fewer bins train faster.</summary>
    public const string MaxBins = "maxBins";

    /// <summary>LightGBM: share of the features each tree may split on, drawn per tree with the seed (0, 1]; default 0.7.</summary>
    public const string FeatureFraction = "featureFraction";

    /// <summary>
    /// Trees: worker threads (integer ≥ 1). Unset: FastTree uses every core, LightGBM one (its OpenMP threads
    /// spin while they wait, so on a busy machine one thread per fit, several fits side by side, is faster).
    /// </summary>
    public const string Threads = "threads";
}
