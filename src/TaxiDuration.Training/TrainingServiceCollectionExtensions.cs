using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaxiDuration.Data;
using TaxiDuration.Model;
using TaxiDuration.Training.Evaluation;
using TaxiDuration.Training.Preparation;

namespace TaxiDuration.Training;

/// <summary>Registers what fitting and scoring models on months needs.</summary>
public static class TrainingServiceCollectionExtensions
{
    /// <summary>
    /// The month catalog (<see cref="DataServiceCollectionExtensions.AddMonthCatalog"/>), month preparation,
    /// <see cref="ModelTrainer"/>, and, when the host has a registry, scoring of registered versions on a month.
    /// </summary>
    public static IServiceCollection AddModelTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMonthCatalog(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MonthPreparation>();
        services.TryAddTransient(provider => new ModelTrainer(new Microsoft.ML.MLContext(Trainers.TrainerFactory.Seed), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RegisteredModelLoader>();
        services.TryAddSingleton<MonthScorer>();
        return services;
    }
}
