namespace TaxiDuration.Tracking;

/// <summary>Who owns new runs and whether an owner still lives: how a run left RUNNING by a killed process is told apart from a live one.</summary>
public interface IRunOwnership
{
    RunOwner Current { get; }

    /// <summary>Whether the owner's process still runs. Only meaningful for owners on <see cref="Current"/>'s host.</summary>
    bool IsAlive(RunOwner owner);
}
