using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaxiDuration.Tracking;

namespace TaxiDuration.Serving.Rollout;

/// <summary>
/// Level 3's hot reload: reads the registry every <see cref="RolloutOptions.PollInterval"/> (or at once on
/// <c>POST /admin/reload</c>), loads any variant whose alias moved in the background, verifies it, and publishes the
/// new set in one reference swap; requests in flight finish on the set they started with. A version that fails a
/// check is not served and not retried until its alias moves again: the old one stays, and the failure is reported.
/// </summary>
public sealed partial class RegistryRolloutService(
    IModelRegistry registry,
    VerifiedModelLoader loader,
    ServedModelSetHolder holder,
    RolloutState state,
    RolloutMetrics metrics,
    IOptions<RolloutOptions> options,
    TimeProvider clock,
    ILogger<RegistryRolloutService> logger) : BackgroundService
{
    private readonly SemaphoreSlim trigger = new(0);
    private readonly HashSet<string> rejected = new(StringComparer.Ordinal);
    private TaskCompletionSource cycleDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Reads the registry now and returns once that pass is done.</summary>
    public Task ReloadNowAsync(CancellationToken cancellationToken)
    {
        var done = Volatile.Read(ref cycleDone);
        trigger.Release();
        return done.Task.WaitAsync(cancellationToken);
    }

    public override void Dispose()
    {
        trigger.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var done = Interlocked.Exchange(ref cycleDone, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            try
            {
                Reconcile();
            }
            catch (Exception failure) when (failure is IOException or InvalidOperationException or TimeoutException)
            {
                // The registry is unreadable for a moment (a writer holds it, a mount flickers): keep serving, try again.
                state.Failed(new ReloadFailure("*", "registry", failure.Message, clock.GetUtcNow()));
                metrics.ReloadFailed("registry");
                LogRegistryUnreadable(logger, failure.Message);
            }
            finally
            {
                done.TrySetResult();
            }

            try
            {
                await trigger.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Reconcile()
    {
        var settings = options.Value;
        var current = holder.Current;
        var unserved = new Dictionary<string, string>(StringComparer.Ordinal);
        var variants = new List<ServedVariant>();
        foreach (var variant in settings.EffectiveVariants)
        {
            var previous = current?.Variants.FirstOrDefault(served => served.Name == variant.Name);
            if (Follow(variant.Name, variant.ModelUri, variant.Weight, previous, unserved) is { } served)
            {
                variants.Add(served);
            }
        }

        var shadow = settings.Shadow is { } shadowOptions
            ? Follow(shadowOptions.Name, shadowOptions.ModelUri, weight: 0, current?.Shadow, unserved)
            : null;
        state.Polled(clock.GetUtcNow(), unserved);
        // The first variant (the champion) must be there: a challenger never answers alone.
        if (variants.Count == 0 || variants[0].Name != settings.EffectiveVariants[0].Name || (current is not null && SameModels(current, variants, shadow)))
        {
            return; // nothing to serve yet (no champion), or nothing moved
        }

        holder.Publish(ServedModelSet.Create(variants, shadow));
        metrics.Published(variants, shadow);
        LogPublished(logger, string.Join(", ", variants.Select(served => $"{served.Name} {served.Model.Version} ({served.Weight:0.##})")), shadow?.Model.Version ?? "none");
    }

    // The variant as it should be served now: the same instance when its alias has not moved, a newly verified model
    // when it has, the previous one when the new version was refused, and nothing when the alias does not exist.
    private ServedVariant? Follow(string name, string modelUri, double weight, ServedVariant? previous, Dictionary<string, string> unserved)
    {
        var uri = ModelUri.Parse(modelUri);
        int version;
        try
        {
            version = registry.Resolve(uri).Version;
        }
        catch (KeyNotFoundException missing)
        {
            unserved[name] = $"{uri} does not exist yet ({missing.Message})";
            return null;
        }

        var versionUri = ModelUri.ForVersion(uri.ModelName, version).ToString();
        if (previous is not null && previous.Model.Version == versionUri)
        {
            return previous.Weight == weight ? previous : previous with { Weight = weight };
        }

        if (rejected.Contains(versionUri))
        {
            return previous;
        }

        try
        {
            var model = loader.Load(uri.ModelName, version);
            metrics.Loaded();
            return new ServedVariant(name, model, weight, clock.GetUtcNow());
        }
        catch (ModelRejectedException refusal)
        {
            rejected.Add(versionUri);
            state.Failed(new ReloadFailure(name, versionUri, refusal.Reason, clock.GetUtcNow()));
            metrics.ReloadFailed(name);
            LogRejected(logger, versionUri, name, refusal.Reason, previous?.Model.Version ?? "nothing");
            return previous;
        }
    }

    private static bool SameModels(ServedModelSet current, List<ServedVariant> variants, ServedVariant? shadow) =>
        current.Variants.Count == variants.Count
        && current.Variants.Zip(variants).All(pair => ReferenceEquals(pair.First, pair.Second))
        && ReferenceEquals(current.Shadow, shadow);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Variants}; shadow {Shadow}")]
    private static partial void LogPublished(ILogger logger, string variants, string shadow);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused to serve {ModelVersion} as {Variant}: {Reason}; still serving {Kept}")]
    private static partial void LogRejected(ILogger logger, string modelVersion, string variant, string reason, string kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry could not be read ({Reason}); the served models stay")]
    private static partial void LogRegistryUnreadable(ILogger logger, string reason);
}
