using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiDuration.Serving.Rollout;

/// <summary>
/// Ready while a champion is served. A refused reload keeps the service ready (the old model still answers) but is
/// reported as degraded, with the version and the reason, until a later version loads.
/// </summary>
internal sealed class RolloutHealthCheck(IServedModelProvider models, RolloutState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (models.Current is not { } set)
        {
            var why = state.Unserved.Count > 0 ? string.Join("; ", state.Unserved.Values) : "the registry has not been read yet";
            return Task.FromResult(HealthCheckResult.Unhealthy($"No champion is served: {why}."));
        }

        var serving = string.Join(", ", set.Variants.Select(variant => $"{variant.Name} {variant.Model.Version}"));
        var failure = state.LastFailure;
        var failedAfterLoad = failure is not null && set.Variants.Concat(set.Shadow is null ? [] : [set.Shadow]).All(variant => variant.LoadedAt < failure.At);
        return Task.FromResult(failedAfterLoad
            ? HealthCheckResult.Degraded($"Serving {serving}; {failure!.Version} was refused at {failure.At:O}: {failure.Reason}")
            : HealthCheckResult.Healthy($"Serving {serving}{(set.Shadow is { } shadow ? $"; shadow {shadow.Model.Version}" : "")}."));
    }
}
