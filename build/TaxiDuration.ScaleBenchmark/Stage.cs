namespace TaxiDuration.ScaleBenchmark;

/// <summary>The steps whose cost is measured against the number of rows, each in a process of its own.</summary>
internal static class Stage
{
    /// <summary>Read, validate and featurize in one streamed pass (what training does): never holds the raw month.</summary>
    public const string Prepare = "read + validate + featurize (streamed)";

    /// <summary>The same three steps with the whole file read first: the memory the streamed pass saves.</summary>
    public const string PrepareWhole = "read + validate + featurize (whole file)";

    public const string LinearFit = "linear fit (course features)";

    public const string LightGbmFit = "LightGBM fit (level-2 defaults)";

    /// <summary>A LightGBM model of fixed size (fitted on the first 100k rows) scoring every row: cost per row, not per model.</summary>
    public const string Scoring = "batch scoring (LightGBM, compiled trees)";

    /// <summary>Twelve months of the largest size, prepared one after another as a yearly retrain would.</summary>
    public const string Year = "a year: 12 months prepared in turn";

    public static IReadOnlyList<string> PerMonth { get; } = [Prepare, PrepareWhole, LinearFit, LightGbmFit, Scoring];
}
