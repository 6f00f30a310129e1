namespace TaxiDuration.Dashboard;

/// <summary>What the dashboard reads from the tracking store (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The registered model whose aliases and gate decisions are shown.</summary>
    public string ModelName { get; set; } = "taxi-duration";

    /// <summary>The level-4 loop's experiment (every monitoring window is a run of it).</summary>
    public string LoopExperiment { get; set; } = "taxi-duration-level4";

    /// <summary>At most this many alias moves, gate decisions and loop windows are returned.</summary>
    public int MaxItems { get; set; } = 200;
}
