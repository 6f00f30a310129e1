using System.Net;
using System.Net.Sockets;

namespace TaxiDuration.ServiceDefaults.Tests;

/// <summary>The container HEALTHCHECK's probe against a real Kestrel listener.</summary>
public sealed class LivenessProbeTests
{
    [Fact]
    public async Task Probe_exits_zero_when_the_service_is_live()
    {
        await using var app = await DefaultsApp.StartAsync();

        var exitCode = await LivenessProbe.RunAsync(new Uri(app.Address, "/health/live"), TimeSpan.FromSeconds(5));

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Probe_exits_one_when_nothing_answers()
    {
        var closedPort = UnusedPort();

        var exitCode = await LivenessProbe.RunAsync(new Uri($"http://127.0.0.1:{closedPort}/health/live"), TimeSpan.FromSeconds(2));

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void Probe_mode_is_chosen_by_its_switch_only()
    {
        Assert.True(LivenessProbe.IsRequested(["--healthcheck"]));
        Assert.False(LivenessProbe.IsRequested(["--urls", "http://127.0.0.1:5000"]));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
