using Prometheus;

namespace TaxiDuration.Serving.Rollout;

/// <summary>What the hot reload did, for alerts: loads, refusals (a reload failure alert fires on these), and which versions serve now.</summary>
public sealed class RolloutMetrics
{
    private readonly Counter reloads;
    private readonly Gauge served;

    public RolloutMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        reloads = factory.CreateCounter("taxi_model_reloads_total", "Model versions loaded for serving, by outcome (loaded, or failed and not served).", ["outcome"]);
        served = factory.CreateGauge("taxi_served_model_info", "1 for each model version being served, by variant and role.", ["variant", "model_version", "role"]);
    }

    internal void Loaded() => reloads.WithLabels("loaded").Inc();

    internal void ReloadFailed(string variant) => reloads.WithLabels("failed").Inc();

    internal void Published(IReadOnlyList<ServedVariant> variants, ServedVariant? shadow)
    {
        foreach (var labels in served.GetAllLabelValues().ToArray())
        {
            served.RemoveLabelled(labels);
        }

        foreach (var variant in variants)
        {
            served.WithLabels(variant.Name, variant.Model.Version, "answers").Set(1);
        }

        if (shadow is not null)
        {
            served.WithLabels(shadow.Name, shadow.Model.Version, "shadow").Set(1);
        }
    }
}
