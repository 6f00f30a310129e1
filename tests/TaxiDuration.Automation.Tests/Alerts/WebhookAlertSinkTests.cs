using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TaxiDuration.Automation.Alerts;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Automation.Replay;
using TaxiDuration.Monitoring.Drift;
using TaxiDuration.Monitoring.Statistics;

namespace TaxiDuration.Automation.Tests.Alerts;

/// <summary>The webhook sink against a real HTTP listener on loopback.</summary>
public sealed class WebhookAlertSinkTests : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Uri endpoint;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public WebhookAlertSinkTests()
    {
        endpoint = new Uri($"http://127.0.0.1:{FreePort()}/hooks/taxi/");
        listener.Prefixes.Add(endpoint.ToString());
        listener.Start();
    }

    [Fact]
    public async Task A_retrain_is_posted_as_json_with_its_reason_and_what_happened()
    {
        var received = ReceiveAsync(HttpStatusCode.NoContent);

        var delivery = await new WebhookAlertSink(http, endpoint).NotifyAsync(Outcome(PolicyAction.Retrain, "promoted v2 (sliding)"), CancellationToken.None);

        var (method, body) = await received;
        Assert.Equal(WebhookDelivery.Delivered, delivery);
        Assert.Equal("POST", method);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("green 2021-03", json.RootElement.GetProperty("window").GetString());
        Assert.Equal("Retrain", json.RootElement.GetProperty("action").GetString());
        Assert.Equal("Performance", json.RootElement.GetProperty("trigger").GetString());
        Assert.Equal("promoted v2 (sliding)", json.RootElement.GetProperty("events")[0].GetString());
        Assert.Equal(1.3, json.RootElement.GetProperty("rmse_ratio").GetDouble(), 10);
    }

    [Fact]
    public async Task A_quiet_window_sends_nothing()
    {
        var delivery = await new WebhookAlertSink(http, endpoint).NotifyAsync(Outcome(PolicyAction.Quiet), CancellationToken.None);

        Assert.Equal(WebhookDelivery.NotNeeded, delivery);
    }

    [Fact]
    public async Task A_receiver_that_fails_or_is_gone_is_reported_not_thrown()
    {
        var received = ReceiveAsync(HttpStatusCode.InternalServerError);
        var failed = await new WebhookAlertSink(http, endpoint).NotifyAsync(Outcome(PolicyAction.Retrain), CancellationToken.None);
        await received;
        listener.Stop();

        var gone = await new WebhookAlertSink(http, endpoint).NotifyAsync(Outcome(PolicyAction.Retrain), CancellationToken.None);

        Assert.False(failed.Succeeded);
        Assert.Contains("answered 500", failed.Problem, StringComparison.Ordinal);
        Assert.False(gone.Succeeded);
        Assert.Contains("could not be reached", gone.Problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        listener.Close();
        http.Dispose();
    }

    private async Task<(string Method, string Body)> ReceiveAsync(HttpStatusCode status)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return (context.Request.HttpMethod, body);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static MonthOutcome Outcome(PolicyAction action, params string[] events)
    {
        var test = new DriftDecision(DriftTest.Wasserstein, "Wasserstein distance (normed)", 0.05, 0.1, false, 5_000, 400);
        var drift = new DriftReport(
            "green 2021-03", "green 2021-02", [new FeatureDrift(DriftAnalyzer.TripDistance, ColumnKind.Numerical, test, 0.01, PsiLevel.Stable, null, false)],
            new PredictionDrift(0.01, 0.02, false), new DataQuality([], [], 50_000, 50_000, 0.01, false),
            new PerformanceCheck(50_000, 6.5, 4, 0.6, 0.6, 5, 0.5, 1.3, 1.2, true), 0.5);
        var decision = new PolicyDecision("green 2021-03", action, action == PolicyAction.Quiet ? Trigger.None : Trigger.Performance, null, "why", PolicyState.Initial);
        return new MonthOutcome("green 2021-03", "synthetic", 50_000, new Dictionary<string, double>(), "v1", drift, false, decision, events);
    }
}
