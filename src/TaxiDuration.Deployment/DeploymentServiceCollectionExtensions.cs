using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaxiDuration.Deployment.Gate;
using TaxiDuration.Training;

namespace TaxiDuration.Deployment;

/// <summary>Registers the deployment gate; the host adds the tracking store it reads and writes.</summary>
public static class DeploymentServiceCollectionExtensions
{
    /// <summary>The gate run with its options (section <c>PromotionGate</c>, validated on start) and what scoring months needs.</summary>
    public static IServiceCollection AddDeploymentGate(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModelTraining(configuration);
        services.AddOptions<GateOptions>().Bind(configuration.GetSection(GateOptions.SectionName)).Validate(options =>
        {
            options.Validate();
            return true;
        });
        services.TryAddSingleton<DeploymentGate>();
        return services;
    }
}
