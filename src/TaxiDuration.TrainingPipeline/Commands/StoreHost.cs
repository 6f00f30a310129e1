using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaxiDuration.CommandLine;
using TaxiDuration.Tracking;

namespace TaxiDuration.TrainingPipeline.Commands;

/// <summary>A command's host with just the tracking store the level chose, and the store's two faces (for browsing and deployment commands).</summary>
public sealed class StoreHost : IDisposable
{
    private readonly IHost host;

    private StoreHost(IHost host)
    {
        this.host = host;
    }

    public IExperimentTracker Tracker => host.Services.GetRequiredService<IExperimentTracker>();

    public IModelRegistry Registry => host.Services.GetRequiredService<IModelRegistry>();

    /// <summary>Builds the host on an existing store (browsing never creates one at a mistyped path) and says which.</summary>
    public static StoreHost Open(HostComposition addStore)
    {
        var builder = CommandLineHost.CreateBuilder([new("Tracking:Access", "Existing")]);
        addStore(builder);
        var store = new StoreHost(builder.Build());
        StoreLocation.Describe(store.host.Services);
        return store;
    }

    public void Dispose() => host.Dispose();
}
