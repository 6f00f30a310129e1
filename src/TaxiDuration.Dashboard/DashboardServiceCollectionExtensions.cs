using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.Dashboard;

/// <summary>Registers the dashboard's readers; the host adds the tracking store, the rollout and the prediction log it reads.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddOperationsDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrafficWindow>();
        services.AddSingleton<IPredictionObserver>(provider => provider.GetRequiredService<TrafficWindow>());
        services.TryAddSingleton<StoreHistory>();
        services.TryAddSingleton<LabelledAccuracy>();
        return services;
    }
}
