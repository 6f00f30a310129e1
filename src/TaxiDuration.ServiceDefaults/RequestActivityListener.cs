using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// Makes ASP.NET Core start an <see cref="Activity"/> (W3C ids; the caller's <c>traceparent</c> as its parent) for
/// every request. The framework starts one only when something listens (a tracing SDK, a diagnostic listener, or its
/// own hosting log, which the defaults silence); without it a request has no trace id and ProblemDetails fall back to
/// a connection-based id that matches nothing. Ids only: no span data is recorded, so this costs next to nothing,
/// and a tracing SDK added later (OpenTelemetry) records the same activities.
/// </summary>
internal sealed class RequestActivityListener : IHostedService, IDisposable
{
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name == AspNetCoreSource,
        Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
    };

    // Before the server starts (hosted services start first), so the first request already has its trace.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ActivitySource.AddActivityListener(listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => listener.Dispose();
}
