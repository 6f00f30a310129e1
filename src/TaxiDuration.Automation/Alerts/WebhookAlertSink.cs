using System.Net.Http.Json;
using System.Text.Json.Serialization;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Automation.Replay;

namespace TaxiDuration.Automation.Alerts;

/// <summary>
/// Posts what the loop did to a webhook (a chat channel, an incident tool, Alertmanager's receiver) as JSON, for every
/// window that was not quiet. A channel that is down must not stop the loop: failures are reported, never thrown.
/// </summary>
public sealed class WebhookAlertSink(HttpClient http, Uri endpoint)
{
    /// <summary>Sends the window's decision unless it was quiet with nothing happening; returns whether it was delivered (2xx).</summary>
    public async Task<WebhookDelivery> NotifyAsync(MonthOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Decision.Action == PolicyAction.Quiet && outcome.Events.Count == 0)
        {
            return WebhookDelivery.NotNeeded;
        }

        var message = new WebhookMessage(
            outcome.Month, outcome.Decision.Action.ToString(), outcome.Decision.Trigger.ToString(), outcome.Decision.Suppression,
            outcome.Decision.Explanation, outcome.Events, outcome.Champion, outcome.Drift.DriftScore, outcome.Drift.Performance?.RmseRatio);
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint, message, cancellationToken);
            return response.IsSuccessStatusCode ? WebhookDelivery.Delivered : WebhookDelivery.Failed($"{endpoint} answered {(int)response.StatusCode}");
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return WebhookDelivery.Failed($"{endpoint} could not be reached: {failure.Message}");
        }
    }
}

/// <summary>The JSON body: one window's decision, its reason and what happened.</summary>
public sealed record WebhookMessage(
    [property: JsonPropertyName("window")] string Window,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("trigger")] string Trigger,
    [property: JsonPropertyName("suppression")] string? Suppression,
    [property: JsonPropertyName("explanation")] string Explanation,
    [property: JsonPropertyName("events")] IReadOnlyList<string> Events,
    [property: JsonPropertyName("champion_served")] string Champion,
    [property: JsonPropertyName("drift_score")] double DriftScore,
    [property: JsonPropertyName("rmse_ratio")] double? RmseRatio);

/// <summary>Whether a window's message reached the webhook, and why not.</summary>
public sealed record WebhookDelivery(bool Sent, bool Succeeded, string? Problem)
{
    public static WebhookDelivery NotNeeded { get; } = new(false, true, null);

    public static WebhookDelivery Delivered { get; } = new(true, true, null);

    public static WebhookDelivery Failed(string problem) => new(true, false, problem);
}
