using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaxiDuration.Training;

namespace TaxiDuration.TrainingPipeline;

/// <summary>Registers the tracked training pipeline.</summary>
public static class TrainingPipelineServiceCollectionExtensions
{
    /// <summary>
    /// The pipeline runner and what it stands on (<see cref="TrainingServiceCollectionExtensions.AddModelTraining"/>).
    /// The host adds the tracking store it records into (e.g. <c>AddTrackingStore</c>).
    /// </summary>
    public static IServiceCollection AddTrainingPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelTraining(configuration);
        services.TryAddSingleton<TrainingPipelineRunner>();
        return services;
    }
}
