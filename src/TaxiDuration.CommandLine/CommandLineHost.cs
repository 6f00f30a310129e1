using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace TaxiDuration.CommandLine;

/// <summary>
/// The Generic Host of a command-line tool: content root is the directory it was started in (so <c>data/</c> and
/// <c>tracking/</c> are the repository's when run from its root), configuration from <c>appsettings.json</c> there,
/// environment variables (<c>TAXI_DATA_DIR</c>, <c>TAXI_TRACKING_DIR</c>, <c>Data__AllowSynthetic</c>, …) and the
/// command line's own settings, which win. Logs are one line each: warnings, and the catalog's download progress.
/// </summary>
public static class CommandLineHost
{
    /// <param name="settings">Configuration the command line decided (e.g. <c>Data:AllowSynthetic</c>); highest priority.</param>
    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        // The command line belongs to System.CommandLine, so the host gets no args and reads only its own settings.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders()
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.ColorBehavior = LoggerColorBehavior.Disabled;
            })
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("TaxiDuration.Data.Catalog", LogLevel.Information); // download progress of long fetches
        return builder;
    }
}
