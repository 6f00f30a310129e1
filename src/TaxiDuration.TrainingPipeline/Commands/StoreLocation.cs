using Microsoft.Extensions.DependencyInjection;
using TaxiDuration.Tracking;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary>Says which store a command reads and writes, so a person always knows which history they are looking at.</summary>
internal static class StoreLocation
{
    public static void Describe(IServiceProvider services) =>
        Console.WriteLine(Line(services.GetRequiredService<IExperimentTracker>().Location));

    /// <summary>The store and the setting that names another one: a server store is chosen by its own setting.</summary>
    public static string Line(string location) =>
        location.StartsWith("postgresql://", StringComparison.Ordinal)
            ? $"Tracking store: {location} (set TAXI_TRACKING_POSTGRES or Tracking:Postgres to use another)"
            : $"Tracking store: {location} (set TAXI_TRACKING_DIR or Tracking:Directory to use another)";
}
