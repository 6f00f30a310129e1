using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiDuration.ServiceDefaults.Tests;

/// <summary>What every service gets from AddServiceDefaults / MapServiceDefaults, tried on a host with nothing else.</summary>
public sealed class ServiceDefaultsTests
{
    [Fact]
    public async Task A_host_with_only_the_defaults_is_live_ready_measured_and_documented()
    {
        await using var app = await DefaultsApp.StartAsync();

        using var live = await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var openApi = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var metrics = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("3.", openApi.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total{code=\"200\",method=\"GET\",endpoint=\"/health/live\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_follows_the_checks_tagged_ready_and_liveness_ignores_them()
    {
        await using var app = await DefaultsApp.StartAsync(builder => builder.Services.AddHealthChecks()
            .AddCheck("store", () => HealthCheckResult.Unhealthy("store unreachable"), tags: [ServiceDefaultsExtensions.ReadyTag]));

        using var live = await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task A_bad_request_in_any_endpoint_is_a_problem_details_not_a_500()
    {
        await using var app = await DefaultsApp.StartAsync(map: web => web.MapPost("/echo", (Payload payload) => TypedResults.Ok(payload)));

        using var response = await app.Client.PostAsync(
            new Uri("/echo", UriKind.Relative), new StringContent("{\"value\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_defaults_yield_to_the_hosts_own_configuration()
    {
        await using var app = await DefaultsApp.StartAsync(builder => builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Logging:Console:FormatterName"] = "simple" }));

        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("simple", configuration["Logging:Console:FormatterName"]);
        Assert.Equal("true", configuration["Logging:Console:FormatterOptions:UseUtcTimestamp"]);
    }

    internal sealed record Payload(int Value);
}
