using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using TaxiDuration.Deployment;
using TaxiDuration.Deployment.Replay;
using TaxiDuration.PredictionLog;
using TaxiDuration.Tracking;

namespace TaxiDuration.Automation.Replay;

/// <summary>
/// The level-4 policy's champion served by a running level-3 service that follows the registry: every month's trips
/// go to <c>/predict/batch</c> with their trip keys (so the service's prediction log can be joined), the month's
/// labels land in a label file, and a new champion is registered, promoted with a compare-and-set and waited for
/// until the service answers with it. An answer from any other version fails the replay: its figures would be wrong.
/// </summary>
public sealed class ServiceDeployment(
    Uri service, HttpClient http, IModelRegistry registry, LoopRegistration registration, ModelFitter fitter, string modelName, string labelsDirectory)
    : IChampionDeployment
{
    /// <summary>Rides per request: the service's batch limit.</summary>
    public const int BatchSize = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan ServedWithin = TimeSpan.FromSeconds(60);
    private readonly Dictionary<ReplayModel, ModelVersion> versions = new(ReferenceEqualityComparer.Instance);

    /// <summary>Seconds from each promotion until the service answered with the new champion.</summary>
    public List<double> PromotionToServedSeconds { get; } = [];

    public async Task<string?> DeployAsync(ChampionChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var version = Registered(change);
        var current = registry.ChampionOrNull(modelName);
        if (change.Decision is { } decision)
        {
            registry.PromoteOnDecision(registry.RecordDecision(modelName, version.Version, current?.Version, change.Window, decision, LoopRegistration.Actor), LoopRegistration.Actor);
        }
        else
        {
            registry.PromoteChampion(modelName, version.Version, change.Reason, LoopRegistration.Actor,
                current is null ? AliasPrecondition.Unset : AliasPrecondition.PointsAt(current.Version));
        }
        var seconds = await WaitUntilServedAsync(version.Uri, cancellationToken);
        PromotionToServedSeconds.Add(seconds);
        return Text($"{version.Uri} served by {service} {seconds:0.00} s after its promotion");
    }

    public async Task<ServedMonth> ServeAsync(ReplayModel champion, ReplayMonth month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(month);
        var expected = versions.TryGetValue(champion, out var version)
            ? version.Uri
            : throw new InvalidOperationException($"{champion.Name} was never deployed to {service}.");
        var clock = Stopwatch.StartNew();
        var predictions = new float[month.Examples.Count];
        // Two requests in flight: the service and this client share a small machine.
        using var inFlight = new SemaphoreSlim(2);
        var batches = Enumerable.Range(0, (predictions.Length + BatchSize - 1) / BatchSize)
            .Select(batch => SendAsync(month, batch * BatchSize, Math.Min(BatchSize, predictions.Length - (batch * BatchSize)), expected, predictions, inFlight, cancellationToken))
            .ToArray();
        await Task.WhenAll(batches);
        var labels = Path.Combine(labelsDirectory, $"{month.Prepared.File.Month.YearMonth}.parquet");
        await LabelFiles.WriteAsync(
            labels, [.. month.Examples.Select((example, index) => new TripLabel(ReplayRides.TripKey(month.Prepared, index), example.Duration))], cancellationToken);
        return new ServedMonth(predictions, Text($"{predictions.Length:N0} trips served over HTTP by {expected} in {batches.Length:N0} batches ({clock.Elapsed.TotalSeconds:0.0} s); labels landed in {labels}"));
    }

    private async Task SendAsync(ReplayMonth month, int first, int count, string expected, float[] predictions, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        await inFlight.WaitAsync(cancellationToken);
        try
        {
            var rides = Enumerable.Range(first, count).Select(index => ReplayRides.Body(month.Prepared, index)).ToArray();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service, "/predict/batch")) { Content = JsonContent.Create(new { rides }) };
            request.Headers.Add("X-Client-Id", "level4-replay");
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(Text($"{service} answered {(int)response.StatusCode} to a batch of {month.Name}: {body[..Math.Min(body.Length, 300)]}"));
            }

            var answer = JsonSerializer.Deserialize<BatchAnswer>(body, Json) ?? throw new HttpRequestException($"{service} answered an empty batch.");
            if (answer.ModelVersion != expected || answer.Predictions.Length != count)
            {
                throw new InvalidOperationException(
                    Text($"{service} answered {answer.Predictions.Length} predictions from {answer.ModelVersion} where {count} from the champion {expected} were expected."));
            }

            answer.Predictions.CopyTo(predictions, first);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private ModelVersion Registered(ChampionChange change)
    {
        if (!versions.TryGetValue(change.Model, out var version))
        {
            var metrics = change.Decision is { } decision ? new Dictionary<string, double> { ["gate_rmse"] = decision.Inputs.ChallengerRmse } : new Dictionary<string, double>();
            version = registration.Track(
                $"deploy {change.Model.Name}", run => registration.Register(run, modelName, change.Model, fitter, $"level-4 replay: {change.Model.Name}", metrics));
            versions[change.Model] = version;
        }

        return version;
    }

    // GET /model until the champion's variant answers with the new version: the service polls the registry on its own.
    private async Task<double> WaitUntilServedAsync(string version, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ServedWithin)
        {
            try
            {
                var status = await http.GetFromJsonAsync<ServedStatus>(new Uri(service, "/model"), Json, cancellationToken);
                // The first variant is the champion's (a challenger never answers alone), whatever the service names it.
                if (status?.Variants.FirstOrDefault()?.ModelVersion == version)
                {
                    return clock.Elapsed.TotalSeconds;
                }
            }
            catch (HttpRequestException) when (PromotionToServedSeconds.Count == 0)
            {
                // The first champion may be registered before the service listens: it starts once the replay created the store.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }

        throw new TimeoutException(Text($"{service} did not serve {version} within {ServedWithin.TotalSeconds:0} s of its promotion: is it following this store (TAXI_TRACKING_DIR)?"));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record BatchAnswer(
        [property: JsonPropertyName("predictions")] float[] Predictions, [property: JsonPropertyName("model_version")] string ModelVersion);

    private sealed record ServedStatus([property: JsonPropertyName("variants")] IReadOnlyList<ServedVariantStatus> Variants);

    private sealed record ServedVariantStatus([property: JsonPropertyName("model_version")] string ModelVersion);
}
