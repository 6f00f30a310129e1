using System.Diagnostics;
using Microsoft.Extensions.Options;
using TaxiDuration.Automation.Alerts;
using TaxiDuration.Automation.Metrics;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Deployment;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Profiles;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Automation.Replay;

/// <summary>
/// Level 4 proven on months: walks them in order and, after each month's labels land, runs the loop — monitor the
/// champion against its reference profile, probe freshness with a cheap linear fit, let the policy decide, retrain a
/// sliding- and an expanding-window candidate, let the level-3 gate choose, promote, watch, roll back. The same
/// months are served by three other policies (frozen, scheduled, oracle) for comparison. Every window is a tracked run.
/// </summary>
public sealed class LoopReplayer(
    MonthPreparation preparation,
    LoopTracking tracking,
    IOptions<GateOptions> gateOptions,
    IOptions<DriftOptions> driftOptions,
    IOptions<RetrainPolicyOptions> policyOptions)
{
    /// <param name="deploy">Where the level-4 champion answers (given the loop's fitter); null: in this process.</param>
    public async Task<LoopReplayResult> RunAsync(
        LoopReplayOptions options, IProgress<string>? progress, CancellationToken cancellationToken, Func<ModelFitter, IChampionDeployment>? deploy = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var months = await LoadAsync(options, progress, cancellationToken);
        return await ReplayAsync(options, months, clock.Elapsed, progress, cancellationToken, deploy);
    }

    /// <summary>Replays months already prepared (e.g. synthetic scenarios written by a test), in the given order.</summary>
    public async Task<LoopReplayResult> ReplayAsync(
        LoopReplayOptions options,
        IReadOnlyList<ReplayMonth> months,
        TimeSpan read,
        IProgress<string>? progress,
        CancellationToken cancellationToken,
        Func<ModelFitter, IChampionDeployment>? deploy = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(months);
        var clock = Stopwatch.StartNew();
        var loop = new LoopRun(options, months, gateOptions.Value, driftOptions.Value, policyOptions.Value, tracking, deploy ?? (fitter => new InProcessDeployment(fitter)));
        if (await loop.DeployInitialAsync(cancellationToken) is { } deployed)
        {
            progress?.Report(deployed);
        }

        var outcomes = new List<MonthOutcome>();
        var metrics = options.MetricsFile is { } metricsPath ? new MonitoringMetricsFile(metricsPath) : null;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var webhook = options.Webhook is { } endpoint ? new WebhookAlertSink(http, endpoint) : null;
        for (var i = 1; i < months.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await loop.ServeAsync(i, cancellationToken);
            outcomes.Add(outcome);
            metrics?.Write(outcome, DateTimeOffset.UtcNow);
            if (webhook is not null && await webhook.NotifyAsync(outcome, cancellationToken) is { Succeeded: false } failed)
            {
                progress?.Report($"webhook: {failed.Problem} (the loop goes on)");
            }
            progress?.Report($"{outcome.Month}: {outcome.Decision.Action.ToString().ToLowerInvariant()} — {outcome.Decision.Explanation}{string.Concat(outcome.Events.Select(e => $"; {e}"))}");
        }

        var policies = PolicyNames.All.ToDictionary(
            name => name,
            name => new PolicySummary(name, outcomes.Average(month => month.Rmse[name]), loop.Retrains(name), loop.Compute[name].Total),
            StringComparer.Ordinal);
        return new LoopReplayResult(loop.Initial.Name, outcomes, policies, new Dictionary<string, TimeSpan>
        {
            ["read and validate months"] = read,
            ["serve, monitor, retrain, gate"] = clock.Elapsed,
        });
    }

    private async Task<IReadOnlyList<ReplayMonth>> LoadAsync(LoopReplayOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var months = new List<ReplayMonth>();
        foreach (var month in options.Months)
        {
            var (prepared, file) = await ReplayMonth.PrepareAsync(preparation, "replay", month, cancellationToken);
            months.Add(prepared.Requestable());
            progress?.Report($"read {month} ({prepared.Origin}): {prepared.Examples.Count:N0} trips, {file.Variant} schema");
        }

        return months;
    }
}
