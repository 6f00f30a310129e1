using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiDuration.Serving;

/// <summary>Ready means "can answer /predict": a model has been published. Reports the version(s) it serves.</summary>
internal sealed class ModelReadyHealthCheck(IServedModelProvider models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Current is { } set
            ? HealthCheckResult.Healthy($"Serving {string.Join(", ", set.Variants.Select(variant => $"{variant.Name} {variant.Model.Version}"))}.")
            : HealthCheckResult.Unhealthy("No model loaded yet."));
}
