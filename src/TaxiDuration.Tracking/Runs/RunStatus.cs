namespace TaxiDuration.Tracking;

/// <summary>Life cycle of a run, with MLflow's names. Only <see cref="Running"/> is not terminal.</summary>
public enum RunStatus
{
    Running,
    Finished,
    Failed,
    Killed,
}
