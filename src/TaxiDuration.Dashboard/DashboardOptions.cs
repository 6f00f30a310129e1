namespace TaxiDuration.Dashboard;

/// <summary>What the dashboard reads from the tracking store (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The registered model whose aliases and gate decisions are shown.</summary>
    public string ModelName { get; set; } = "taxi-duration";

    /// <summary>The level-4 loop's experiment (every monitoring window is a run of it).</summary>
    public string LoopExperiment { get; set; } = "taxi-duration-level4";

    /// <summary>
    /// Where label files land (Parquet: <c>trip_key</c>, <c>actual_minutes</c>; what <c>replay</c> writes), relative to
    /// the content root; joined with the service's prediction log for RMSE and MAE per variant per day.
    /// </summary>
    public string LabelsDirectory { get; set; } = "labels";

    /// <summary>At most this many alias moves, gate decisions and loop windows are returned.</summary>
    public int MaxItems { get; set; } = 200;
}
