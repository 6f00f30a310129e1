using TaxiDuration.Deployment.Gate;

namespace TaxiDuration.Automation.Replay;

/// <summary>
/// Where the level-4 policy's champion answers during a replay: in this process (<see cref="InProcessDeployment"/>),
/// or a running level-3 service that follows the registry (<see cref="ServiceDeployment"/>). The loop's decisions are
/// the same either way; only how a new champion reaches traffic differs.
/// </summary>
public interface IChampionDeployment
{
    /// <summary>Makes <paramref name="change"/>'s model the champion that answers from now on; returns what happened, for the timeline (null: nothing to say).</summary>
    Task<string?> DeployAsync(ChampionChange change, CancellationToken cancellationToken);

    /// <summary>The champion's predictions for every trip of <paramref name="month"/>, in order, as traffic received them.</summary>
    Task<ServedMonth> ServeAsync(ReplayModel champion, ReplayMonth month, CancellationToken cancellationToken);
}

/// <summary>
/// A new champion: the model, the window that decided it, and the gate's decision when one was taken (recorded, and
/// named by the alias history); otherwise <paramref name="Reason"/> says why (the first champion, a rollback).
/// </summary>
public sealed record ChampionChange(ReplayModel Model, string Window, string Reason, GateDecision? Decision = null);

/// <summary>A month's predictions as served, and a line for the timeline (null: nothing to say).</summary>
public sealed record ServedMonth(float[] Predictions, string? Note);

/// <summary>The replay alone: the champion scores in this process, and a new one serves as soon as the loop says so.</summary>
public sealed class InProcessDeployment(ModelFitter fitter) : IChampionDeployment
{
    public Task<string?> DeployAsync(ChampionChange change, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<ServedMonth> ServeAsync(ReplayModel champion, ReplayMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(month);
        return Task.FromResult(new ServedMonth(fitter.Predict(champion.Model, month.Examples), null));
    }
}
