using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiDuration.Serving;

/// <summary>Ready means "can answer /predict": a model has been published. Reports the version it serves.</summary>
internal sealed class ModelReadyHealthCheck(IServedModelProvider models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Current is { } model
            ? HealthCheckResult.Healthy($"Serving model {model.Version}.")
            : HealthCheckResult.Unhealthy("No model loaded yet."));
}
