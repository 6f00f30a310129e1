using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaxiDuration.ServiceDefaults.Tests;

/// <summary>The container HEALTHCHECK's probe against a real Kestrel listener.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Probe_exits_zero_when_the_service_is_ready_and_one_when_it_is_only_live()
    {
        await using var ready = await DefaultsApp.StartAsync();
        await using var notReady = await DefaultsApp.StartAsync(builder => builder.Services.AddHealthChecks()
            .AddCheck("model", () => HealthCheckResult.Unhealthy("no model"), tags: [ServiceDefaultsExtensions.ReadyTag]));

        Assert.Equal(0, await HealthProbe.RunAsync(new Uri(ready.Address, "/health/ready"), TimeSpan.FromSeconds(5)));
        Assert.Equal(1, await HealthProbe.RunAsync(new Uri(notReady.Address, "/health/ready"), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Probe_exits_one_when_nothing_answers()
    {
        var closedPort = UnusedPort();

        var exitCode = await HealthProbe.RunAsync(new Uri($"http://127.0.0.1:{closedPort}/health/live"), TimeSpan.FromSeconds(2));

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void Probe_mode_is_chosen_by_its_switch_only()
    {
        Assert.True(HealthProbe.IsRequested(["--healthcheck"]));
        Assert.False(HealthProbe.IsRequested(["--urls", "http://127.0.0.1:5000"]));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
