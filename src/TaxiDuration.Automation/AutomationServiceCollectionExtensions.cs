using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaxiDuration.Automation.Cycle;
using TaxiDuration.Automation.Policy;
using TaxiDuration.Automation.Replay;
using TaxiDuration.Deployment;
using TaxiDuration.Monitoring.Drift;

namespace TaxiDuration.Automation;

/// <summary>Registers level 4's loop; the host adds the tracking store it records into.</summary>
public static class AutomationServiceCollectionExtensions
{
    /// <summary>
    /// The loop's replay and its scheduled cycle with their options (sections <c>Monitoring</c>, <c>RetrainPolicy</c>,
    /// <c>PromotionGate</c>, <c>Monitor</c>), validated on first use.
    /// </summary>
    public static IServiceCollection AddRetrainingLoop(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDeploymentGate(configuration);
        services.AddOptions<DriftOptions>().Bind(configuration.GetSection(DriftOptions.SectionName)).Validate(Valid<DriftOptions>(options => options.Validate()));
        services.AddOptions<RetrainPolicyOptions>().Bind(configuration.GetSection(RetrainPolicyOptions.SectionName)).Validate(Valid<RetrainPolicyOptions>(options => options.Validate()));
        services.AddOptions<MonitorCycleOptions>().Bind(configuration.GetSection(MonitorCycleOptions.SectionName));
        services.AddHttpClient(nameof(MonitorCycle), http => http.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<LoopTracking>();
        services.TryAddSingleton<LoopRegistration>();
        services.TryAddSingleton<LoopReplayer>();
        services.TryAddSingleton<MonitorCycle>();
        services.TryAddSingleton<MonitorWorker>();
        return services;
    }

    // Validate() throws with a sentence naming the setting; the options system reports it on first use.
    private static Func<T, bool> Valid<T>(Action<T> validate) => options =>
    {
        validate(options);
        return true;
    };
}
