using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Scalar.AspNetCore;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// The operational surface every service of the template shares, as one Add/Map pair: a prediction service and a
/// worker that serves no predictions (the level-4 monitor) look the same to an operator.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks with this tag decide readiness (<c>/health/ready</c>).</summary>
    public const string ReadyTag = "ready";

    /// <summary>The OpenAPI document's name: served at <c>/openapi/v1.json</c>.</summary>
    public const string OpenApiDocumentName = "v1";

    // Operational endpoints answer reads only: a POST to /metrics is a client's mistake, not a scrape.
    private static readonly HttpMethodMetadata ReadOnlyMethods = new([HttpMethods.Get, HttpMethods.Head]);

    /// <summary>
    /// JSON console logs, a W3C trace per request (<see cref="RequestTrace"/>), a Prometheus registry of this host's
    /// own, health checks, ProblemDetails for every error (whatever the client accepts, with the request's trace id)
    /// and the OpenAPI document. Defaults enter configuration at the lowest priority, so appsettings and environment
    /// variables override any of them.
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
        services.AddOptions<ManagementOptions>().Bind(builder.Configuration.GetSection(ManagementOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks();
        services.TryAddSingleton<RejectedRequestRoutes>();
        services.TryAddSingleton<HttpRequestMetrics>();
        // Outside Development minimal APIs answer binding failures with an empty 400; throwing lets
        // BadRequestExceptionHandler describe them as ProblemDetails in every environment.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddHostedService<RequestActivityListener>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = RequestTrace.AddTo);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi(OpenApiDocumentName);
        return builder;
    }

    /// <summary>
    /// Routing, HTTP metrics and a log line per request (they see the endpoint and the final status code),
    /// exception → ProblemDetails, empty error responses → ProblemDetails, UTF-8 JSON bodies; then
    /// <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c>, <c>/openapi/v1.json</c> and, in Development, its
    /// browsing page <c>/scalar/v1</c> (GET and HEAD only; on <c>Management:Port</c> alone when it is set). Call
    /// before mapping the service's own endpoints.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRouting();
        app.UseMiddleware<RequestTelemetryMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<JsonCharsetMiddleware>();

        var management = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ManagementOptions>>().Value;
        // Live: the process answers. Ready: it can do its job (its checks tagged "ready" pass), so traffic may come.
        Operational(app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync }), management);
        Operational(app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync }), management);
        Operational(app.MapMetrics("/metrics", app.Services.GetRequiredService<CollectorRegistry>()), management);
        Operational(app.MapOpenApi(), management);
        if (app.Environment.IsDevelopment())
        {
            // A page to read the document and try requests (/scalar/v1); a developer's tool, not a production surface.
            Operational(app.MapScalarApiReference(), management);
        }

        return app;
    }

    /// <summary>
    /// Starts the service and runs it until it is stopped. A start-up failure (a missing model or store, invalid
    /// options) is one line on standard error and exit code 1, not an unhandled exception with a stack dump.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"error: the service could not start: {StartupFailure.Describe(failure)}");
            return 1;
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    private static void Operational(IEndpointConventionBuilder endpoint, ManagementOptions management)
    {
        endpoint.WithMetadata(ReadOnlyMethods, DebugRequestLogMetadata.Instance);
        if (management.Port is { } port)
        {
            endpoint.RequireHost($"*:{port}");
        }
    }

    // What a production service logs by default: one JSON object per line with a UTC timestamp; scopes on, so every
    // line written while a request runs carries its TraceId and SpanId (the host's activity tracking adds them); and
    // one line per request from RequestTelemetryMiddleware instead of the framework's per-request chatter.
    private static readonly Dictionary<string, string?> DefaultSettings = new(StringComparer.Ordinal)
    {
        ["Logging:Console:FormatterName"] = "json",
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None",
        ["AllowedHosts"] = "*",
    };
}
