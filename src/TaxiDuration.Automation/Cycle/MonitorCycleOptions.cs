namespace TaxiDuration.Automation.Cycle;

/// <summary>The scheduled monitor (section <c>Monitor</c>): which model it looks after, how often, where it reports.</summary>
public sealed class MonitorCycleOptions
{
    public const string SectionName = "Monitor";

    public string ModelName { get; init; } = "taxi-duration";

    /// <summary>Time between cycles; a TLC month lands once a month, so a daily look is plenty.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Where the loop's Prometheus metrics are rewritten after every cycle.</summary>
    public string MetricsFile { get; init; } = Path.Combine("artifacts", "level4", "metrics", "taxi_monitor.prom");

    /// <summary>A webhook told about every cycle that was not quiet; null for none.</summary>
    public Uri? Webhook { get; init; }
}
