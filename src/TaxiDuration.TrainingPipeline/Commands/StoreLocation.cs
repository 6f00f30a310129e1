using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.Tracking;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary>Says which store a command reads and writes, so a person always knows which history they are looking at.</summary>
internal static class StoreLocation
{
    public static void Describe(IServiceProvider services) =>
        Console.WriteLine($"Tracking store: {services.GetRequiredService<IExperimentTracker>().Location} (set TAXI_TRACKING_DIR or Tracking:Directory to use another)");
}
