namespace TaxiDuration.Training.Trainers;

/// <summary>The trainers a <see cref="TrainerSpec"/> can name; the strings are what configuration and the CLI use.</summary>
public static class TrainerNames
{
    /// <summary>Ridge least squares solved directly (<see cref="LeastSquares.LeastSquaresRegressionTrainer"/>).</summary>
    public const string Linear = "linear";

    /// <summary>ML.NET FastTree gradient-boosted regression trees.</summary>
    public const string FastTree = "fasttree";

    /// <summary>LightGBM gradient-boosted regression trees.</summary>
    public const string LightGbm = "lightgbm";

    public static IReadOnlyList<string> All { get; } = [Linear, FastTree, LightGbm];
}
