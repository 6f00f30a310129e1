namespace TaxiDuration.Tracking;

/// <summary>Run statuses spelled as MLflow spells them (RUNNING, FINISHED, …): stored, printed and sent to a server alike.</summary>
public static class RunStatusNames
{
    public static string ToMlflowName(this RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    /// <exception cref="FormatException">The name is not one of RUNNING, FINISHED, FAILED, KILLED.</exception>
    public static RunStatus Parse(string name) => name switch
    {
        "RUNNING" => RunStatus.Running,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => throw new FormatException($"Run status '{name}' is not one of RUNNING, FINISHED, FAILED, KILLED."),
    };
}
