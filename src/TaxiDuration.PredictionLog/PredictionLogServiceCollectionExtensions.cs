using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.Monitoring.Observation;

namespace TaxiDuration.PredictionLog;

/// <summary>Registers the Parquet prediction log as the host's <see cref="IPredictionLog"/>.</summary>
public static class PredictionLogServiceCollectionExtensions
{
    /// <summary>The log (section <c>PredictionLog</c>, validated on start) and its background writer.</summary>
    public static IServiceCollection AddPredictionLog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PredictionLogOptions>()
            .Bind(configuration.GetSection(PredictionLogOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ParquetPredictionLog>();
        services.AddSingleton<IPredictionLog>(provider => provider.GetRequiredService<ParquetPredictionLog>());
        services.AddHostedService(provider => provider.GetRequiredService<ParquetPredictionLog>());
        return services;
    }
}
