using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// The operational surface every service of the template shares, as one Add/Map pair: a prediction service and a
/// worker that serves no predictions (the level-4 monitor) look the same to an operator.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks with this tag decide readiness (<c>/health/ready</c>).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// JSON console logs, a Prometheus registry of this host's own, health checks, ProblemDetails for every error
    /// and the OpenAPI document. Defaults enter configuration at the lowest priority, so appsettings and
    /// environment variables override any of them.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultSettings });

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        // One registry per host rather than prometheus-net's static default: hosts in one process (tests) stay apart.
        services.TryAddSingleton(_ =>
        {
            var registry = Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.AddHealthChecks();
        // Outside Development minimal APIs answer binding failures with an empty 400; throwing lets
        // BadRequestExceptionHandler describe them as ProblemDetails in every environment.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// HTTP metrics (outermost, so they see the final status code), exception → ProblemDetails, empty error
    /// responses → ProblemDetails; then <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c> and
    /// <c>/openapi/v1.json</c>. Call before mapping the service's own endpoints.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        app.UseHttpMetrics(metrics => HttpMetricsConfiguration.Apply(metrics, registry));
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Live: the process answers. Ready: it can do its job (its checks tagged "ready" pass), so traffic may come.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapMetrics("/metrics", registry);
        app.MapOpenApi();
        return app;
    }

    // What a production service logs by default: one JSON object per line with a UTC timestamp, and no per-request
    // framework chatter (a request log is the service's own business).
    private static readonly Dictionary<string, string?> DefaultSettings = new(StringComparer.Ordinal)
    {
        ["Logging:Console:FormatterName"] = "json",
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "false",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None",
        ["AllowedHosts"] = "*",
    };
}
