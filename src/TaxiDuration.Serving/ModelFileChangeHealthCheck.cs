using Microsoft.Extensions.Diagnostics.HealthChecks;
using TaxiDuration.Model;
using TaxiDuration.Serving.Sources;

namespace TaxiDuration.Serving;

/// <summary>
/// Level 1 serves a file that a person (or a deployment) may replace under the running service. The model in memory
/// keeps answering, so the service stays ready, but it reports the change (degraded) so an operator sees it before a
/// restart loads a different, possibly broken, file on every replica. The file is re-hashed only when its size or
/// write time moved.
/// </summary>
internal sealed class ModelFileChangeHealthCheck(ModelFileSource source) : IHealthCheck
{
    private (long Length, DateTime Written, string Sha256)? lastSeen;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (source.LoadedSha256 is not { } loaded)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No model file loaded yet."));
        }

        var file = new FileInfo(source.FullPath);
        if (!file.Exists)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"The model file {file.FullName} was removed after it was loaded: a restart would fail."));
        }

        var seen = lastSeen;
        if (seen is not { } known || known.Length != file.Length || known.Written != file.LastWriteTimeUtc)
        {
            seen = (file.Length, file.LastWriteTimeUtc, ModelChecksum.Compute(file.FullName));
            lastSeen = seen;
        }

        return Task.FromResult(seen.Value.Sha256 == loaded
            ? HealthCheckResult.Healthy($"Serving {file.FullName} (sha256 {loaded[..12]}).")
            : HealthCheckResult.Degraded($"The model file {file.FullName} changed after it was loaded (sha256 {loaded[..12]} → {seen.Value.Sha256[..12]}): the model in memory still serves; a restart would load the new file."));
    }
}
